using System.Text.Json;

namespace Vrf.Clip.Tokenization;

/// <summary>
/// The tokenizer files of a Hugging Face CLIP folder: <c>vocab.json</c>, <c>merges.txt</c> and, when present,
/// <c>tokenizer_config.json</c>. Every failure names the file and what is wrong with it.
/// </summary>
internal sealed record ClipTokenizerFiles(
    IReadOnlyDictionary<string, int> Vocabulary,
    IReadOnlyList<string> Merges,
    int ModelMaxLength,
    string PadToken)
{
    public const string VocabularyFile = "vocab.json";
    public const string MergesFile = "merges.txt";
    public const string ConfigFile = "tokenizer_config.json";

    /// <summary>CLIP's text encoder has 77 positions; HF writes a huge sentinel when a model declares no limit.</summary>
    private const int DefaultModelMaxLength = 77;
    private const long LargestPlausibleModelMaxLength = 1 << 20;
    private const string DefaultPadToken = "<|endoftext|>";

    public static ClipTokenizerFiles Read(string folder)
    {
        var vocabulary = ReadVocabulary(Path.Combine(folder, VocabularyFile));
        var merges = ReadMerges(Path.Combine(folder, MergesFile));
        var configPath = Path.Combine(folder, ConfigFile);
        var (modelMaxLength, padToken) = File.Exists(configPath)
            ? ReadConfig(configPath)
            : (DefaultModelMaxLength, DefaultPadToken);
        return new ClipTokenizerFiles(vocabulary, merges, modelMaxLength, padToken);
    }

    private static Dictionary<string, int> ReadVocabulary(string path)
    {
        RequireFile(path, "vocabulary");
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<Dictionary<string, int>>(stream) is { Count: > 0 } vocabulary
                ? vocabulary
                : throw new InvalidDataException($"CLIP tokenizer vocabulary '{path}' has no entries.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException(
                $"CLIP tokenizer vocabulary '{path}' is not a JSON object of token to id: {e.Message}", e);
        }
    }

    private static List<string> ReadMerges(string path)
    {
        RequireFile(path, "merges");
        var merges = new List<string>();
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if ((lineNumber == 1 && line.StartsWith("#version", StringComparison.Ordinal)) || line.Length == 0)
            {
                continue;
            }
            if (line.Split(' ').Length != 2)
            {
                throw new InvalidDataException(
                    $"CLIP tokenizer merges '{path}' line {lineNumber} is not two symbols separated by one space: '{line}'.");
            }
            merges.Add(line);
        }
        return merges.Count > 0
            ? merges
            : throw new InvalidDataException($"CLIP tokenizer merges '{path}' has no merges.");
    }

    private static (int ModelMaxLength, string PadToken) ReadConfig(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var modelMaxLength = root.TryGetProperty("model_max_length", out var length)
                                 && length.TryGetDouble(out var value)
                                 && value <= LargestPlausibleModelMaxLength
                ? (int)value
                : DefaultModelMaxLength;
            var padToken = root.TryGetProperty("pad_token", out var pad) ? TokenContent(pad) : DefaultPadToken;
            return (modelMaxLength, padToken);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            throw new InvalidDataException($"CLIP tokenizer config '{path}' is not valid: {e.Message}", e);
        }
    }

    /// <summary>HF writes a token either as a string or as an AddedToken object with a <c>content</c> field.</summary>
    private static string TokenContent(JsonElement token) =>
        token.ValueKind == JsonValueKind.Object ? token.GetProperty("content").GetString()! : token.GetString()!;

    private static void RequireFile(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CLIP tokenizer {what} file '{path}' does not exist.", path);
        }
    }
}
