using Vrf.Serving.Store;

namespace Vrf.Serving.Failures;

/// <summary>A feature vector whose size is not the failure set's (wrong model, or a truncated message).</summary>
public sealed class FeatureDimensionMismatchException(ModelVersionId model, int expected, int actual)
    : ModelServingException($"Model {model} indexes {expected}-dimensional features, but a query has {actual}.")
{
    public ModelVersionId Model { get; } = model;

    public int Expected { get; } = expected;

    public int Actual { get; } = actual;
}
