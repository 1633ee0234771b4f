using Vrf.Imaging;

namespace Vrf.Encoders;

/// <summary>
/// An encoder folder's preprocessing: decoded pixels to the values its encoder takes, for evaluation (serving,
/// indexing, evaluating) and for training. Stateless and thread-safe.
/// </summary>
public interface IImagePreprocessor
{
    /// <summary>Turns image files into RGB pixels (with its limits on size).</summary>
    ImageDecoder Decoder { get; }

    /// <summary>The evaluation view of an image.</summary>
    PreprocessedImage Preprocess(RgbImage image);

    /// <summary>The training view of an image: <paramref name="crop"/>, a box inside the image drawn by random-resized-crop
    /// augmentation, made into the encoder's input the way <see cref="Preprocess(RgbImage)"/> makes the whole image.</summary>
    PreprocessedImage PreprocessTrainingView(RgbImage image, PixelRegion crop);

    /// <summary>Decodes an image file and makes its evaluation view.</summary>
    /// <param name="imageSource">A file path or request id, named in errors.</param>
    /// <exception cref="ImageDecodeException">The bytes are not an image the decoder reads.</exception>
    PreprocessedImage Preprocess(ReadOnlySpan<byte> encoded, string imageSource) => Preprocess(Decoder.Decode(encoded, imageSource));
}
