using Vrf.Serving.Store;

namespace Vrf.Serving.Failures;

/// <summary>The checks every failure index makes on a query batch before searching, so all of them fail alike.</summary>
internal static class FailureQuery
{
    public static void Validate(ModelVersionId model, IReadOnlyList<float[]> features, int dimension, int count, int k, int nearestCount)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, Math.Max(1, count));
        ArgumentOutOfRangeException.ThrowIfNegative(nearestCount);
        if (features.Any(feature => feature is null))
        {
            throw new ArgumentException("A query is null.", nameof(features));
        }
        if (features.FirstOrDefault(feature => feature.Length != dimension) is { } wrong)
        {
            throw new FeatureDimensionMismatchException(model, dimension, wrong.Length);
        }
        for (var i = 0; i < features.Count; i++)
        {
            var finite = features[i].All(float.IsFinite);
            if (!finite || features[i].All(x => x == 0))
            {
                throw new InvalidFeatureException(
                    $"Query {i} for model {model} is {(finite ? "the zero vector" : "not finite")} and has no direction.");
            }
        }
    }
}
