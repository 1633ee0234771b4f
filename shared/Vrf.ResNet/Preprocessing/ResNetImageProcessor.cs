using Vrf.Imaging;
using Vrf.Encoders;
using Vrf.ResNet.Modeling;

namespace Vrf.ResNet.Preprocessing;

/// <summary>
/// Turns a decoded RGB image into the ResNet's input as ML.NET's featurizer defines it: scaled so the shorter side is
/// <see cref="ImageSize"/> with Pillow's bilinear resampler (antialiased, as torchvision's ImageNet evaluation
/// resizes), centre-cropped to a square, then channels B, G, R in 0..255 minus the mean image at 224 px or minus the
/// per-channel mean at any other size. Stateless and thread-safe.
/// </summary>
public sealed class ResNetImageProcessor
{
    /// <exception cref="InvalidDataException"><paramref name="imageSize"/> is not a multiple of 32.</exception>
    public ResNetImageProcessor(PixelMean mean, int imageSize, ImageDecodingOptions? decoding = null)
    {
        ResNetInputSize.Check(imageSize);
        Mean = mean;
        ImageSize = imageSize;
        Decoder = new ImageDecoder(decoding ?? new ImageDecodingOptions());
    }

    public PixelMean Mean { get; }

    public int ImageSize { get; }

    public ImageDecoder Decoder { get; }

    /// <param name="encoded">An encoded image file.</param>
    /// <param name="imageSource">A file path or request id, named in errors.</param>
    /// <exception cref="ImageDecodeException">The bytes cannot be decoded.</exception>
    public PreprocessedImage Preprocess(ReadOnlySpan<byte> encoded, string imageSource) => Preprocess(Decoder.Decode(encoded, imageSource));

    /// <summary>Resizes and crops <paramref name="image"/> to the input size, then normalises it.</summary>
    public PreprocessedImage Preprocess(RgbImage image) => Normalize(ShortestEdgeCrop.Square(image, ImageSize, ResampleFilter.Bilinear));

    /// <summary>The input values [3, S, S] (B, G, R minus the mean) of an image already <see cref="ImageSize"/> square.</summary>
    public PreprocessedImage Normalize(RgbImage image)
    {
        if (image.Width != ImageSize || image.Height != ImageSize)
        {
            throw new ArgumentException($"The image is {image.Width}x{image.Height}; normalising needs {ImageSize}x{ImageSize}.", nameof(image));
        }
        var plane = ImageSize * ImageSize;
        var values = new float[3 * plane];
        var pixels = image.Bytes;
        for (var channel = 0; channel < 3; channel++)
        {
            var rgbChannel = 2 - channel;
            for (var y = 0; y < ImageSize; y++)
            {
                for (var x = 0; x < ImageSize; x++)
                {
                    var i = y * ImageSize + x;
                    values[channel * plane + i] = pixels[i * RgbImage.Channels + rgbChannel] - Mean.At(ImageSize, channel, y, x);
                }
            }
        }
        return new PreprocessedImage(image, values);
    }
}
