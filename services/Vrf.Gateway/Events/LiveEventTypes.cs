using System.Text.Json;
using Vrf.Contracts;

namespace Vrf.Gateway.Events;

/// <summary>The bus events <c>GET /v1/events</c> streams: a retrain job's life, a model version's life and the monitor's drift alarms.</summary>
public static class LiveEventTypes
{
    /// <summary>Every event type streamed.</summary>
    public static IReadOnlyList<Type> All { get; } =
    [
        typeof(FineTuningStarted), typeof(FineTuningProgressed), typeof(ModelTrained), typeof(FineTuningFailed), typeof(FineTuningCancelled),
        typeof(ModelImported), typeof(ModelIndexingProgressed), typeof(ModelIndexingFailed), typeof(ModelPromoted), typeof(ModelRetired),
        typeof(DistributionShiftDetected), typeof(DistributionShiftCleared),
    ];

    /// <summary>The name an event of <paramref name="type"/> is streamed under, for example <c>model-promoted</c>.</summary>
    public static string NameOf(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        return JsonNamingPolicy.KebabCaseLower.ConvertName(type.Name);
    }
}
