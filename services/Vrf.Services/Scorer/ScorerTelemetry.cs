using System.Diagnostics;

namespace Vrf.Services.Scorer;

/// <summary>The scorer's span: <c>ensemble</c> per image.</summary>
public static class ScorerTelemetry
{
    public const string SourceName = "Vrf.Scorer";

    internal static ActivitySource Source { get; } = new(SourceName);
}
