using Vrf.Clip.Tokenization;
using Vrf.Testing;

namespace Vrf.Clip.Tests.Tokenization;

/// <summary>The tokenizer of the clip-tiny fixture, loaded once for all tests.</summary>
public static class FixtureTokenizer
{
    private static readonly Lazy<ClipTokenizer> Loaded = new(() => ClipTokenizer.FromFolder(Folder));

    public static string Folder => RepositoryPaths.Fixture("clip-tiny");

    public static ClipTokenizer Instance => Loaded.Value;
}
