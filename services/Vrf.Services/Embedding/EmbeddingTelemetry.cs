using System.Diagnostics;

namespace Vrf.Services.Embedding;

/// <summary>The embedding service's spans: <c>decode</c>, <c>preprocess</c> and <c>encode</c> per image.</summary>
public static class EmbeddingTelemetry
{
    public const string SourceName = "Vrf.Embedding";

    /// <summary>On an <c>encode</c> span: how many images ran through the encoders together.</summary>
    public const string BatchSizeTag = "vrf.batch.size";

    internal static ActivitySource Source { get; } = new(SourceName);
}
