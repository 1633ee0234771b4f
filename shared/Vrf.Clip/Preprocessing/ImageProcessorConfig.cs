using System.Text.Json;
using Vrf.Imaging;

namespace Vrf.Clip.Preprocessing;

/// <summary>
/// The settings of Hugging Face's <c>CLIPImageProcessor</c> (<c>preprocessor_config.json</c>). Keys the file leaves out
/// take the class's defaults (224 px, bicubic, 1/255, OpenAI's CLIP mean and std).
/// </summary>
public sealed record ImageProcessorConfig
{
    public const string FileName = "preprocessor_config.json";

    private static readonly double[] OpenAiClipMean = [0.48145466, 0.4578275, 0.40821073];
    private static readonly double[] OpenAiClipStd = [0.26862954, 0.26130258, 0.27577711];

    public bool DoResize { get; init; } = true;

    /// <summary>The length the shorter side is resized to.</summary>
    public int ShortestEdge { get; init; } = 224;

    public ResampleFilter Resample { get; init; } = ResampleFilter.Bicubic;

    public bool DoCenterCrop { get; init; } = true;

    public int CropHeight { get; init; } = 224;

    public int CropWidth { get; init; } = 224;

    public bool DoRescale { get; init; } = true;

    public double RescaleFactor { get; init; } = 1.0 / 255;

    public bool DoNormalize { get; init; } = true;

    public IReadOnlyList<double> ImageMean { get; init; } = OpenAiClipMean;

    public IReadOnlyList<double> ImageStd { get; init; } = OpenAiClipStd;

    /// <summary>
    /// Whether HF converts images to RGB first. Decoding here always yields RGB, which is all a 3-channel model can take;
    /// for RGB input <c>false</c> gives the same pixels.
    /// </summary>
    public bool DoConvertRgb { get; init; } = true;

    /// <summary>Reads <c>preprocessor_config.json</c> from a model folder.</summary>
    /// <exception cref="FileNotFoundException">The file is missing.</exception>
    /// <exception cref="InvalidDataException">The file is not valid JSON or holds values this port cannot honour.</exception>
    public static ImageProcessorConfig FromFolder(string folder) => FromFile(Path.Combine(folder, FileName));

    public static ImageProcessorConfig FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CLIP image processor config '{path}' does not exist.", path);
        }
        return FromJson(File.ReadAllText(path), path);
    }

    /// <param name="origin">Where the JSON came from, for error messages.</param>
    public static ImageProcessorConfig FromJson(string json, string origin)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return Read(document.RootElement, origin);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or KeyNotFoundException)
        {
            throw new InvalidDataException($"CLIP image processor config '{origin}' is not valid: {e.Message}", e);
        }
    }

    private static ImageProcessorConfig Read(JsonElement root, string origin)
    {
        var defaults = new ImageProcessorConfig();
        var (cropHeight, cropWidth) = root.TryGetProperty("crop_size", out var crop)
            ? Size(crop, "crop_size", origin)
            : (defaults.CropHeight, defaults.CropWidth);
        var config = new ImageProcessorConfig
        {
            DoResize = Flag(root, "do_resize", defaults.DoResize),
            ShortestEdge = root.TryGetProperty("size", out var size) ? ShortestEdgeOf(size, origin) : defaults.ShortestEdge,
            Resample = root.TryGetProperty("resample", out var resample) ? FilterOf(resample.GetInt32(), origin) : defaults.Resample,
            DoCenterCrop = Flag(root, "do_center_crop", defaults.DoCenterCrop),
            CropHeight = cropHeight,
            CropWidth = cropWidth,
            DoRescale = Flag(root, "do_rescale", defaults.DoRescale),
            RescaleFactor = root.TryGetProperty("rescale_factor", out var factor) ? factor.GetDouble() : defaults.RescaleFactor,
            DoNormalize = Flag(root, "do_normalize", defaults.DoNormalize),
            ImageMean = root.TryGetProperty("image_mean", out var mean) ? PerChannel(mean, "image_mean", origin) : defaults.ImageMean,
            ImageStd = root.TryGetProperty("image_std", out var std) ? PerChannel(std, "image_std", origin) : defaults.ImageStd,
            DoConvertRgb = Flag(root, "do_convert_rgb", defaults.DoConvertRgb),
        };
        if (config.ShortestEdge <= 0 || config.CropHeight <= 0 || config.CropWidth <= 0)
        {
            throw new InvalidDataException($"CLIP image processor config '{origin}' has a size or crop size that is not positive.");
        }
        if (config.ImageStd.Any(s => s == 0))
        {
            throw new InvalidDataException($"CLIP image processor config '{origin}' has a zero in image_std.");
        }
        return config;
    }

    private static bool Flag(JsonElement root, string name, bool fallback) =>
        root.TryGetProperty(name, out var value) ? value.GetBoolean() : fallback;

    /// <summary><c>size</c> is <c>{"shortest_edge": n}</c>, or a bare number in configs written before that form.</summary>
    private static int ShortestEdgeOf(JsonElement size, string origin)
    {
        if (size.ValueKind == JsonValueKind.Number)
        {
            return size.GetInt32();
        }
        return size.TryGetProperty("shortest_edge", out var edge)
            ? edge.GetInt32()
            : throw new InvalidDataException(
                $"CLIP image processor config '{origin}': size {size.GetRawText()} has no shortest_edge; only shortest-edge resizing is supported.");
    }

    /// <summary><c>crop_size</c> is <c>{"height": h, "width": w}</c>, or a bare number for a square.</summary>
    private static (int Height, int Width) Size(JsonElement size, string name, string origin)
    {
        if (size.ValueKind == JsonValueKind.Number)
        {
            return (size.GetInt32(), size.GetInt32());
        }
        if (size.TryGetProperty("height", out var height) && size.TryGetProperty("width", out var width))
        {
            return (height.GetInt32(), width.GetInt32());
        }
        throw new InvalidDataException($"CLIP image processor config '{origin}': {name} {size.GetRawText()} has no height and width.");
    }

    private static ResampleFilter FilterOf(int value, string origin) =>
        Enum.IsDefined((ResampleFilter)value)
            ? (ResampleFilter)value
            : throw new InvalidDataException(
                $"CLIP image processor config '{origin}': resample {value} is not supported; use 3 (bicubic) or 2 (bilinear).");

    private static double[] PerChannel(JsonElement values, string name, string origin)
    {
        var numbers = values.ValueKind == JsonValueKind.Number
            ? Enumerable.Repeat(values.GetDouble(), RgbImage.Channels).ToArray()
            : values.EnumerateArray().Select(v => v.GetDouble()).ToArray();
        return numbers.Length == RgbImage.Channels
            ? numbers
            : throw new InvalidDataException($"CLIP image processor config '{origin}': {name} needs {RgbImage.Channels} values, not {numbers.Length}.");
    }
}
