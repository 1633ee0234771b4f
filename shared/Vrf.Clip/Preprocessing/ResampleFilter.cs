namespace Vrf.Clip.Preprocessing;

/// <summary>The PIL resampling filters this port reproduces, numbered as in <c>preprocessor_config.json</c>.</summary>
public enum ResampleFilter
{
    Bilinear = 2,
    Bicubic = 3,
}
