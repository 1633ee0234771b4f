using System.Diagnostics;

namespace Vrf.Services.FailureIndex;

/// <summary>The failure-index service's spans: <c>lookup</c> per image, <c>index-build</c> per model version.</summary>
public static class FailureIndexTelemetry
{
    public const string SourceName = "Vrf.FailureIndex";

    /// <summary>On a <c>lookup</c> span: how many images the index was asked about together.</summary>
    public const string BatchSizeTag = "vrf.batch.size";

    internal static ActivitySource Source { get; } = new(SourceName);
}
