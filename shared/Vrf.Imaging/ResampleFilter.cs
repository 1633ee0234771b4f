namespace Vrf.Imaging;

/// <summary>The PIL resampling filters this port reproduces, numbered as PIL numbers them (and Hugging Face's <c>preprocessor_config.json</c>).</summary>
public enum ResampleFilter
{
    Bilinear = 2,
    Bicubic = 3,
}
