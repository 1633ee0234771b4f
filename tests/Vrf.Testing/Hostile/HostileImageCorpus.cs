using System.Globalization;
using System.Text;

namespace Vrf.Testing.Hostile;

/// <summary>
/// Generates the hostile-image corpus from <see cref="SeedImages"/> as the manifest (<see cref="HostileImageManifest"/>)
/// describes it: the same bytes on every run, nothing stored but the manifest. Families: valid odd images (animated,
/// 16-bit, CMYK, 1×1), absurd EXIF, truncated and bit-flipped files of each format, decompression bombs (huge
/// dimensions in a small file: over the pixel limit, and under it but far more than the file can hold), empty and one-byte files, 0×N images, documents with image extensions, and an image
/// over the gateway's upload limit.
/// </summary>
public sealed class HostileImageCorpus
{
    private HostileImageCorpus(HostileImageManifest manifest, IReadOnlyList<HostileImage> cases)
    {
        Manifest = manifest;
        Cases = cases;
    }

    public HostileImageManifest Manifest { get; }

    public IReadOnlyList<HostileImage> Cases { get; }

    /// <param name="uploadLimitBytes">The gateway's image limit, which the over-the-limit case passes by one byte.</param>
    public static HostileImageCorpus Load(long uploadLimitBytes)
    {
        var manifest = HostileImageManifest.Load();
        var cases = manifest.Families.SelectMany(family => Generate(family, manifest.Seed, uploadLimitBytes)
            .Select(made => new HostileImage($"{family.Family}/{made.Detail}", made.FileName, family.Outcome,
                family.Outcome == HostileImageOutcome.Either ? manifest.ClearReasons : family.Reasons ?? [], made.Bytes)))
            .ToList();
        var repeated = cases.GroupBy(made => made.Name).FirstOrDefault(group => group.Count() > 1);
        return repeated is null
            ? new HostileImageCorpus(manifest, cases)
            : throw new InvalidDataException($"{HostileImageManifest.Path} makes the case {repeated.Key} twice.");
    }

    /// <summary>The case of that name.</summary>
    public HostileImage this[string name] => Cases.Single(made => made.Name == name);

    private static IEnumerable<(string Detail, string FileName, Func<byte[]> Bytes)> Generate(HostileImageFamily family, int seed, long uploadLimitBytes)
    {
        var formats = family.Formats ?? [];
        return family.Family switch
        {
            "valid" or "animated" or "deep-or-cmyk" => formats.Select(format => Made(format, format, () => SeedImages.Of(format, seed))),
            "absurd-exif" => ExifBlocks.Variants.Select(variant =>
                Made(variant, "jpeg", () => JpegSegments.WithApp1(SeedImages.Of("jpeg", seed), ExifBlocks.Of(variant, seed)))),
            "truncated" => formats.SelectMany(format => (family.Cuts ?? []).Select(cut =>
                Made($"{format}/{cut.ToString("0.00", CultureInfo.InvariantCulture)}", format, () => Truncated(SeedImages.Of(format, seed), cut)))),
            "bit-flipped" => formats.SelectMany((format, f) => Enumerable.Range(0, family.Count).Select(i =>
                Made($"{format}/{i:00}", format, () => BitFlipped(SeedImages.Of(format, seed), new Random(seed + 1000 * f + i), family.MaxFlips)))),
            "bomb" => formats.Select(format => Made(format, format, () => WithSide(format, seed, BombSide(format)))),
            "small-file-large-header" => formats.Select(format => Made(format, format, () => WithSide(format, seed, family.Side))),
            "empty" => formats.Select(format => Made(format, format, () => [])),
            "one-byte" => (family.Bytes ?? []).Select(value => Made($"0x{value:X2}", "png", () => [value])),
            "zero-by-n" => formats.Select(format => Made(format, format, () => ZeroWide(format, seed))),
            "disguised" => formats.SelectMany(format => (family.Documents ?? []).Select(document =>
                Made($"{document}-as-{format}", format, () => Document(document)))),
            "over-gateway-limit" => formats.Select(format => Made(format, format, () => SeedImages.NoiseAtLeast(uploadLimitBytes + 1, seed))),
            _ => throw new InvalidDataException($"{HostileImageManifest.Path} names a family the corpus does not know: {family.Family}."),
        };

        (string, string, Func<byte[]>) Made(string detail, string format, Func<byte[]> bytes) =>
            (detail, $"{family.Family}-{detail.Replace('/', '-')}.{SeedImages.Extension(format)}", bytes);
    }

    private static byte[] Truncated(byte[] file, double cut) => file[..Math.Max(1, (int)(file.Length * cut))];

    private static byte[] BitFlipped(byte[] file, Random random, int maxFlips)
    {
        var flipped = file.ToArray();
        for (var flips = 1 + random.Next(maxFlips); flips > 0; flips--)
        {
            flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
        }
        return flipped;
    }

    /// <summary>The side of a square far larger than any limit allows, in what the format's header can say.</summary>
    private static int BombSide(string format) => format switch
    {
        "png" or "bmp" or "wbmp" or "ico" => 60_000,
        "jpeg" => 65_500,
        "gif" or "gif-animated" => 65_535,
        _ => 16_383,
    };

    /// <summary>The seed file of a format with a header announcing <paramref name="side"/>×<paramref name="side"/>
    /// pixels (a PNG, a WBMP or the PNG inside an ICO: one row of pixel data behind it).</summary>
    private static byte[] WithSide(string format, int seed, int side)
    {
        switch (format)
        {
            case "png":
                return PngBytes.Image(side, side, PngBytes.Rgb, 8, [new byte[side * 3]]);
            case "jpeg":
                return JpegSegments.WithFrameSize(SeedImages.Of(format, seed), side, side);
            case "gif" or "gif-animated":
                var gif = SeedImages.Of(format, seed);
                GifBytes.WriteSize(gif, side, side);
                return gif;
            case "bmp":
                var bmp = SeedImages.Of(format, seed);
                BmpBytes.WriteSize(bmp, side, side);
                return bmp;
            case "wbmp":
                return WbmpBytes.Image(side, side, rows: 1);
            case "ico":
                return IcoBytes.WithPng(PngBytes.Image(side, side, PngBytes.Rgb, 8, [new byte[side * 3]]), side, side);
            default:
                return WebPBytes.WithDimensions(SeedImages.Of(format, seed), side);
        }
    }

    /// <summary>A file whose header announces 0×48 pixels.</summary>
    private static byte[] ZeroWide(string format, int seed)
    {
        switch (format)
        {
            case "png":
                return PngBytes.Image(0, SeedImages.Side, PngBytes.Rgb, 8, Enumerable.Repeat(Array.Empty<byte>(), SeedImages.Side));
            case "jpeg":
                return JpegSegments.WithFrameSize(SeedImages.Of(format, seed), 0, SeedImages.Side);
            case "gif":
                var gif = SeedImages.Of(format, seed);
                GifBytes.WriteSize(gif, 0, SeedImages.Side);
                return gif;
            case "bmp":
                var bmp = SeedImages.Of(format, seed);
                BmpBytes.WriteSize(bmp, 0, SeedImages.Side);
                return bmp;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "No 0×N form of this format in the corpus.");
        }
    }

    private static byte[] Document(string document) => document switch
    {
        "svg" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"60000\" height=\"60000\"><rect width=\"100%\" height=\"100%\" fill=\"red\"/></svg>"),
        "html" => Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><img src=\"x\" onerror=\"alert(1)\"><p>Not a picture.</p></body></html>"),
        "text" => Encoding.UTF8.GetBytes("A caption, not a picture: long enough to fill any header a codec looks at, twice over."),
        "json" => Encoding.UTF8.GetBytes("{\"width\": 48, \"height\": 48, \"pixels\": \"none here\"}"),
        "xml" => Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY b \"bbbbbbbb\">]><a>&b;&b;&b;&b;</a>"),
        "pdf" => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"),
        "zip" => [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 0, 0, .. new byte[64]],
        "script" => Encoding.UTF8.GetBytes("#!/bin/sh\necho 'a shell script with an image name'\n"),
        _ => throw new InvalidDataException($"{HostileImageManifest.Path} names a document the corpus does not know: {document}."),
    };
}
