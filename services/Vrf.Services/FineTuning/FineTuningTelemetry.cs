using System.Diagnostics;

namespace Vrf.Services.FineTuning;

/// <summary>The fine-tuning service's spans: <c>fine-tune</c> per run of a job (a resumed job has one per run).</summary>
public static class FineTuningTelemetry
{
    public const string SourceName = "Vrf.FineTuning";

    internal static ActivitySource Source { get; } = new(SourceName);

    internal const string JobTag = "vrf.job_id";
}
