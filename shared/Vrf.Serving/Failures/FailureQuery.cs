using Vrf.Method;
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
        for (var i = 0; i < features.Count; i++)
        {
            var feature = features[i] ?? throw new ArgumentException($"Query {i} is null.", nameof(features));
            if (feature.Length != dimension)
            {
                throw new FeatureDimensionMismatchException(model, dimension, feature.Length);
            }
            if (!feature.All(float.IsFinite) || feature.All(x => x == 0))
            {
                throw new InvalidFeatureException(
                    $"Query {i} for model {model} is {(feature.All(float.IsFinite) ? "the zero vector" : "not finite")} and has no direction.");
            }
        }
    }

    /// <summary>The queries as rows of doubles.</summary>
    public static Matrix ToMatrix(IReadOnlyList<float[]> features, int dimension) =>
        new(features.Count, dimension, [.. features.SelectMany(feature => feature.Select(x => (double)x))]);
}
