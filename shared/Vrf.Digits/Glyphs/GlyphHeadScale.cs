using System.Globalization;
using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;
using Vrf.Imaging;
using Vrf.Method;
using Vrf.Tensors;
using static TorchSharp.torch;

namespace Vrf.Digits.Glyphs;

/// <summary>
/// The logit scale of a head built from unit directions: the head's cosines on the version's validation images are
/// calibrated with the reference temperature search (mean max-confidence equals accuracy), and the scale is 1/T. A
/// fine-tuned head starts from the scaled weights, so the scale also sets where training starts. Without validation
/// images, or when the search fails, CLIP's scale of 100 stands in and the request is warned.
/// </summary>
internal static class GlyphHeadScale
{
    /// <summary>ln(100), CLIP's logit scale.</summary>
    public static readonly double Uncalibrated = Math.Log(100);

    private const int BatchSize = 256;

    /// <param name="directions">[classes, dim] unit rows.</param>
    /// <returns>ln(scale).</returns>
    public static double Fit(ZeroShotHeadRequest request, Tensor directions)
    {
        var images = request.ValidationImages ?? [];
        if (images.Count == 0)
        {
            request.Warning?.Invoke("there are no validation images to calibrate the glyph head's scale on, so it is CLIP's 100");
            return Uncalibrated;
        }
        var (cosines, labels) = Cosines(request, images, directions);
        if (labels.Length == 0)
        {
            request.Warning?.Invoke("none of the validation images could be decoded to calibrate the glyph head's scale on, so it is CLIP's 100");
            return Uncalibrated;
        }
        try
        {
            var temperature = TemperatureCalibration.Reference.Fit(cosines, labels).Temperature;
            return -Math.Log(temperature);
        }
        catch (CalibrationFailedException e)
        {
            request.Warning?.Invoke($"the glyph head's scale could not be calibrated on the validation images, so it is CLIP's 100: {e.Message}");
            return Uncalibrated;
        }
    }

    /// <summary>Cosines [images, classes] of the validation images that decode, and their labels.</summary>
    private static (Matrix Cosines, int[] Labels) Cosines(ZeroShotHeadRequest request, IReadOnlyList<CalibrationImage> images, Tensor directions)
    {
        var rows = new List<double>();
        var labels = new List<int>();
        var skipped = 0;
        using var noGrad = no_grad();
        foreach (var chunk in images.Chunk(BatchSize))
        {
            using var scope = NewDisposeScope();
            var batch = new List<PreprocessedImage>(chunk.Length);
            foreach (var image in chunk)
            {
                try
                {
                    batch.Add(request.Preprocessor.Preprocess(File.ReadAllBytes(image.Path), image.Path));
                    labels.Add(image.Label);
                }
                catch (ImageDecodeException)
                {
                    skipped++;
                }
            }
            if (batch.Count == 0)
            {
                continue;
            }
            var features = L2Normalization.Normalize(request.Encoder.Encode(PreprocessedImage.ToBatch(batch, request.Encoder.Device)));
            var cosines = features.matmul(directions.to(features.dtype, features.device).t()).to(ScalarType.Float64).cpu();
            rows.AddRange(cosines.data<double>().ToArray());
        }
        if (skipped > 0)
        {
            request.Warning?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"{skipped} validation image(s) could not be decoded and were left out of the glyph head's calibration"));
        }
        return (new Matrix(labels.Count, (int)directions.shape[0], [.. rows]), [.. labels]);
    }
}
