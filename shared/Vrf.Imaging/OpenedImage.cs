using SkiaSharp;

namespace Vrf.Imaging;

/// <summary>
/// An image whose header <see cref="ImageDecoder.Open"/> has read and checked: its size is known and nothing the size
/// of its pixels is allocated yet. <see cref="Decode"/> then gives its pixels as 8-bit RGB. Holds a copy of the file's
/// bytes until disposed.
/// </summary>
public sealed class OpenedImage : IDisposable
{
    private const int RgbaChannels = 4;

    private readonly SKData _data;
    private readonly SKMemoryStream _stream;
    private readonly SKCodec _codec;
    private readonly string _source;
    private readonly bool _applyExifOrientation;

    private OpenedImage(SKData data, SKMemoryStream stream, SKCodec codec, string source, bool applyExifOrientation)
    {
        _data = data;
        _stream = stream;
        _codec = codec;
        _source = source;
        _applyExifOrientation = applyExifOrientation;
    }

    public int Width => _codec.Info.Width;

    public int Height => _codec.Info.Height;

    public long Pixels => (long)Width * Height;

    /// <exception cref="ImageDecodeException">The data is corrupt or truncated.</exception>
    public RgbImage Decode()
    {
        var target = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Unpremul, null);
        var rgba = new byte[Pixels * RgbaChannels];
        var decoded = _codec.GetPixels(target, rgba);
        if (decoded != SKCodecResult.Success)
        {
            throw new ImageDecodeException(_source, $"the {_codec.EncodedFormat} data is corrupt or truncated ({decoded})");
        }
        var stored = new RgbImage(Width, Height, DropAlpha(rgba));
        return _applyExifOrientation ? ExifOrientation.Apply(stored, _codec.EncodedOrigin) : stored;
    }

    public void Dispose()
    {
        _codec.Dispose();
        _stream.Dispose();
        _data.Dispose();
    }

    /// <exception cref="ImageDecodeException">No codec recognises the bytes.</exception>
    internal static OpenedImage Create(ReadOnlySpan<byte> encoded, string source, bool applyExifOrientation)
    {
        var data = SKData.CreateCopy(encoded);
        var stream = new SKMemoryStream(data);
        if (SKCodec.Create(stream, out var result) is { } codec)
        {
            return new OpenedImage(data, stream, codec, source, applyExifOrientation);
        }
        stream.Dispose();
        data.Dispose();
        throw new ImageDecodeException(
            source, $"not a supported image format (PNG, JPEG, WebP, GIF, BMP, ICO, WBMP) or a damaged header ({result})");
    }

    private static byte[] DropAlpha(byte[] rgba)
    {
        var rgb = new byte[rgba.LongLength / RgbaChannels * RgbImage.Channels];
        for (long from = 0, to = 0; from < rgba.LongLength; from += RgbaChannels, to += RgbImage.Channels)
        {
            rgb[to] = rgba[from];
            rgb[to + 1] = rgba[from + 1];
            rgb[to + 2] = rgba[from + 2];
        }
        return rgb;
    }
}
