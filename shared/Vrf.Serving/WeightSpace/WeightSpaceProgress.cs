namespace Vrf.Serving.WeightSpace;

/// <summary>How far making a weight-space ensemble is: a phase (see <see cref="WeightSpacePhases"/>) and its units done.</summary>
public sealed record WeightSpaceProgress(string Phase, int Completed, int Total);

/// <summary>The phases of making a weight-space ensemble, in order.</summary>
public static class WeightSpacePhases
{
    /// <summary>The interpolated model over the validation images at every α of the grid (units: images, all α together).</summary>
    public const string AlphaSearch = "alpha-search";

    /// <summary>Writing the new version's bundle (one unit).</summary>
    public const string Bundle = "bundle";
}
