using Vrf.Method;

namespace Vrf.Serving.Failures;

/// <summary>
/// A model version's zero-shot failure set as it is stored and indexed: one L2-normalised fine-tuned feature per
/// failure (float32, row-major [|V|, D]), its class, and its sample id (the image's path in the training folder).
/// </summary>
public sealed class FailureSet
{
    private const double UnitTolerance = 1e-3;

    public FailureSet(int dimension, float[] features, IReadOnlyList<int> labels, IReadOnlyList<string> sampleIds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(sampleIds);
        if (labels.Count != sampleIds.Count || features.Length != (long)labels.Count * dimension)
        {
            throw new ArgumentException(
                $"{features.Length} feature values, {labels.Count} labels and {sampleIds.Count} sample ids do not describe " +
                $"the same failures of dimension {dimension}.");
        }
        if (sampleIds.Distinct(StringComparer.Ordinal).Count() != sampleIds.Count)
        {
            throw new ArgumentException("Sample ids must be distinct.", nameof(sampleIds));
        }
        Dimension = dimension;
        Features = features;
        Labels = [.. labels];
        SampleIds = [.. sampleIds];
        for (var i = 0; i < Count; i++)
        {
            var norm = Math.Sqrt(DoublePrecision.SquaredNorm(Row(i)));
            if (Math.Abs(norm - 1) > UnitTolerance)
            {
                throw new ArgumentException($"Failure {SampleIds[i]} has norm {norm}; failure features must be L2-normalised.", nameof(features));
            }
        }
    }

    public int Dimension { get; }

    /// <summary>|V|.</summary>
    public int Count => Labels.Count;

    /// <summary>The features, row after row.</summary>
    public float[] Features { get; }

    public IReadOnlyList<int> Labels { get; }

    public IReadOnlyList<string> SampleIds { get; }

    public ReadOnlySpan<float> Row(int index) => Features.AsSpan(index * Dimension, Dimension);

    /// <summary>The features as doubles, for the core library's double-precision exact index (the reference).</summary>
    public Matrix ToMatrix() => new(Count, Dimension, [.. Features.Select(x => (double)x)]);

    /// <summary>
    /// The stored form of <paramref name="failures"/>, selected from the training samples with
    /// <paramref name="labels"/> and <paramref name="sampleIds"/> (one per training row).
    /// </summary>
    public static FailureSet From(ZeroShotFailureSet failures, IReadOnlyList<int> labels, IReadOnlyList<string> sampleIds)
    {
        ArgumentNullException.ThrowIfNull(failures);
        if (labels.Count != failures.TrainingRows || sampleIds.Count != failures.TrainingRows)
        {
            throw new ArgumentException($"The failure set was selected from {failures.TrainingRows} rows, not {labels.Count}.");
        }
        return new FailureSet(
            failures.Members.Columns,
            [.. failures.Members.Data.Select(x => (float)x)],
            [.. failures.Indices.Select(row => labels[row])],
            [.. failures.Indices.Select(row => sampleIds[row])]);
    }

    /// <summary>True when both hold the same failures, bit for bit, in the same order.</summary>
    public bool SameAs(FailureSet other) =>
        Dimension == other.Dimension
        && Features.AsSpan().SequenceEqual(other.Features)
        && Labels.SequenceEqual(other.Labels)
        && SampleIds.SequenceEqual(other.SampleIds, StringComparer.Ordinal);
}
