using Vrf.Imaging;
using Vrf.Testing.Hostile;

namespace Vrf.Fuzzing;

/// <summary>
/// The image decoder every encoder's preprocessing uses (<see cref="ImageDecoder"/>, default limits), over mutations of
/// the valid files of the hostile-image corpus in every format. A refusal is an <see cref="ImageDecodeException"/>; any
/// other exception is a finding. Memory, refused or not, may be 10 bytes (RGBA, RGB, turned upright) per pixel of what
/// the options let a file of its size announce, and 16 MB more: in proportion to the file, never to its header.
/// </summary>
public sealed class ImageDecoderTarget : IFuzzTarget
{
    private const long BytesPerPixel = 10;
    private const long Overhead = 16 << 20;

    private readonly ImageDecoder _decoder = new(new ImageDecodingOptions());

    public string Name => "image decoder";

    public IReadOnlyList<byte[]> Seeds { get; } =
        [.. SeedImages.Basic.Concat(["gif-animated", "webp-animated", "png-16bit", "png-16bit-grey", "jpeg-cmyk"]).Select(format => SeedImages.Of(format, 1))];

    public bool IsText => false;

    public FuzzOutcome Run(byte[] input)
    {
        var options = _decoder.Options;
        var allowed = Overhead + BytesPerPixel * Math.Min(options.MaxPixels, Math.Max(options.PixelsWithoutRatioCheck, options.MaxPixelsPerByte * input.Length));
        try
        {
            _decoder.Decode(input, "fuzz");
            return new FuzzOutcome("decoded", allowed);
        }
        catch (DecompressionBombException)
        {
            return new FuzzOutcome("refused: decompression bomb", allowed);
        }
        catch (ImageDecodeException refused)
        {
            return new FuzzOutcome($"refused: {Kind(refused.Reason)}", allowed);
        }
    }

    /// <summary>The reason without the parts that vary (the codec's result, the dimensions).</summary>
    private static string Kind(string reason) => reason.Split(" (")[0];
}
