using Vrf.Serving.Store;

namespace Vrf.Serving.WeightSpace;

/// <summary>What <c>vrf models wse</c> is given.</summary>
/// <param name="Source">The version whose weights are interpolated (the current one, else the newest, when no version is given).</param>
/// <param name="Alpha">The fine-tuned weights' share; chosen on the source's validation images when null.</param>
public sealed record WeightSpaceEnsembleRequest(ModelReference Source, double? Alpha = null);
