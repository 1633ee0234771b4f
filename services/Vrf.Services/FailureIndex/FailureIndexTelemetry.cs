using System.Diagnostics;

namespace Vrf.Services.FailureIndex;

/// <summary>The failure-index service's spans: <c>lookup</c> per image, <c>index-build</c> per model version.</summary>
public static class FailureIndexTelemetry
{
    public const string SourceName = "Vrf.FailureIndex";

    internal static ActivitySource Source { get; } = new(SourceName);
}
