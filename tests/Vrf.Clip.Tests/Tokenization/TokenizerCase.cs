using System.Text.Json;
using System.Text.Json.Serialization;
using Vrf.Testing;

namespace Vrf.Clip.Tests.Tokenization;

/// <summary>One case of the fixture's tokens.json.</summary>
public sealed record TokenizerCase(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("bpe_tokens")] string[] BpeTokens,
    [property: JsonPropertyName("ids_no_special")] int[] IdsWithoutSpecials,
    [property: JsonPropertyName("num_tokens")] int TokenCount,
    [property: JsonPropertyName("truncated")] bool Truncated,
    [property: JsonPropertyName("input_ids")] long[] InputIds,
    [property: JsonPropertyName("attention_mask")] long[] AttentionMask)
{
    private static readonly Lazy<IReadOnlyList<TokenizerCase>> Loaded = new(Load);

    public static IReadOnlyList<TokenizerCase> All => Loaded.Value;

    public static TheoryData<string> Names => new(All.Select(c => c.Name));

    public static TokenizerCase Named(string name) => All.Single(c => c.Name == name);

    private static TokenizerCase[] Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Fixture("clip-tiny", "tokens.json")));
        return document.RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => c.Deserialize<TokenizerCase>()!)
            .ToArray();
    }
}
