using MassTransit;
using Vrf.Contracts;

namespace Vrf.Gateway.Tests.Support;

/// <summary>
/// Stands in for the monitor service on the test's in-memory bus, on its queue: it answers <see cref="CheckModelDrift"/>
/// for <c>tiny</c> with <see cref="Raised"/> (its current version) or a version that is not monitored (version 1), refuses
/// unknown models and versions as the monitor does, and never answers for <see cref="SilentModel"/>.
/// </summary>
public sealed class CannedMonitor : IConsumer<CheckModelDrift>
{
    public const string SilentModel = "silent";
    public const string NotMonitoredReason = "tiny@1 recorded no validation distribution of d.";

    public static readonly DateTimeOffset RaisedAt = new(2026, 5, 14, 9, 30, 0, TimeSpan.Zero);

    public static ModelDriftReport Raised { get; } = new(
        "tiny", CannedPipeline.CurrentVersion, Alarm: true, RaisedAt,
        new DriftWindowSpan(500, RaisedAt.AddMinutes(-10), RaisedAt.AddMinutes(2)),
        new DriftStatistics(0.31, 2.5e-40, 0.42, 1.0e-30, 0.35, 0.22, 0.04),
        [new OverRepresentedClass(1, "green", 240, 170.5)],
        NotMonitoredReason: null);

    public async Task Consume(ConsumeContext<CheckModelDrift> context)
    {
        switch (context.Message)
        {
            case { ModelName: SilentModel }:
                return;
            case { ModelName: "tiny", ModelVersion: null or CannedPipeline.CurrentVersion }:
                await context.RespondAsync(new ModelDriftReports([Raised]));
                return;
            case { ModelName: "tiny", ModelVersion: 1 }:
                await context.RespondAsync(new ModelDriftReports([Raised with
                {
                    ModelVersion = 1, Alarm = false, Since = null, Window = new DriftWindowSpan(0, null, null),
                    Statistics = new DriftStatistics(null, null, null, null, null, null, null), OverRepresentedClasses = [],
                    NotMonitoredReason = NotMonitoredReason,
                }]));
                return;
            case { ModelName: "tiny", ModelVersion: var version }:
                await context.RespondAsync(new ModelDriftRefused($"Model 'tiny' has no version {version} (versions: 1, 2, 3).", Unknown: true));
                return;
            case { ModelName: "pending" }:
                await context.RespondAsync(new ModelDriftRefused("Model 'pending' has no ready version yet.", Unknown: false));
                return;
            default:
                await context.RespondAsync(new ModelDriftRefused($"The model store has no model '{context.Message.ModelName}'.", Unknown: true));
                return;
        }
    }
}
