using Vrf.Imaging;

namespace Vrf.Clip.Preprocessing;

/// <summary>
/// HF's rescale and normalize: <c>float32(float64(u8) * rescale_factor)</c>, then <c>(x - mean) / std</c> in float32,
/// laid out channels first (CHW).
/// </summary>
internal static class PixelNormalization
{
    public static float[] ToChannelsFirst(RgbImage image, ImageProcessorConfig config)
    {
        var plane = image.Width * image.Height;
        var values = new float[RgbImage.Channels * plane];
        var pixels = image.Bytes;
        for (var channel = 0; channel < RgbImage.Channels; channel++)
        {
            var mean = (float)config.ImageMean[channel];
            var std = (float)config.ImageStd[channel];
            for (var i = 0; i < plane; i++)
            {
                var sample = pixels[i * RgbImage.Channels + channel];
                var value = config.DoRescale ? (float)(sample * config.RescaleFactor) : sample;
                values[channel * plane + i] = config.DoNormalize ? (value - mean) / std : value;
            }
        }
        return values;
    }
}
