using Vrf.Contracts;
using Vrf.Monitoring;

namespace Vrf.Services.Monitor;

/// <summary>What the drift window takes from a served result.</summary>
internal static class MonitoredResults
{
    /// <summary>The predicted class, both models' own top classes, d, and ω when it came from d (VRF results only; the
    /// other modes' weight is a constant).</summary>
    public static MonitoredResult From(ImageClassified result) => new(
        result.PredictedClassIndex,
        result.ZeroShotTopClass.Index,
        result.FineTunedTopClass.Index,
        result.Distance,
        result.EnsembleMode == EnsembleMode.Vrf ? result.Weight : null);
}
