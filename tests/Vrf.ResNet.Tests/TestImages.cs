using Vrf.Imaging;
using Vrf.Encoders;
using Vrf.Testing;

namespace Vrf.ResNet.Tests;

/// <summary>The repository's fixture images, decoded.</summary>
public static class TestImages
{
    /// <summary>Square and non-square images with rings, a disk, stripes and noise.</summary>
    public static IEnumerable<string> Names => ["rings_32.png", "disk_50x40.png", "stripes_noise_32.png"];

    public static RgbImage Decode(string name) =>
        new ImageDecoder(new ImageDecodingOptions()).Decode(File.ReadAllBytes(RepositoryPaths.Fixture("clip-tiny", name)), name);

    /// <summary>An image's RGB samples as float planes [3, H, W] (0..255), what ML.NET hands the preprocessing graph.</summary>
    public static float[] RgbPlanes(RgbImage image)
    {
        var plane = image.Width * image.Height;
        var planes = new float[3 * plane];
        for (var i = 0; i < plane; i++)
        {
            for (var c = 0; c < 3; c++)
            {
                planes[c * plane + i] = image.Bytes[i * 3 + c];
            }
        }
        return planes;
    }
}
