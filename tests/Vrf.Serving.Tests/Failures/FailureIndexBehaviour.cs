using Vrf.Method;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;

namespace Vrf.Serving.Tests.Failures;

/// <summary>
/// What every failure index must do, run against each implementation: the same K-th distances as the core library's
/// exact search, idempotent storing, the same errors for wrong sizes and unknown versions, and deletion.
/// </summary>
public abstract class FailureIndexBehaviour
{
    protected const int Dimension = 12;
    private const double Tolerance = 1e-5;

    /// <summary>An index to test (skips the test when the implementation cannot run here).</summary>
    protected abstract IFailureIndex CreateIndex();

    /// <summary>A model version no other test uses, ready to receive a failure set.</summary>
    protected abstract ModelVersionId NewModel();

    [Fact]
    public async Task Distances_equal_the_core_library_s_exact_search_for_every_K_with_duplicates_and_ties()
    {
        var index = CreateIndex();
        var model = NewModel();
        var failures = RandomFailures(new Random(3), count: 40, duplicates: 8);
        await index.StoreAsync(model, failures, TestContext.Current.CancellationToken);
        var queries = RandomQueries(new Random(4), 25).Append(failures.Row(0).ToArray()).Append(failures.Row(5).ToArray().Select(x => -3 * x).ToArray()).ToList();
        using var exact = new ExactFailureIndex(failures.ToMatrix());

        foreach (var k in new[] { 1, 2, 9, failures.Count })
        {
            var measured = await index.MeasureAsync(model, queries, k, cancellationToken: TestContext.Current.CancellationToken);

            var expected = exact.KthDistances(AsMatrix(queries), k);
            Assert.Equal(expected, measured.Select(distance => distance.Distance), (x, y) => Math.Abs(x - y) <= Tolerance);
            Assert.All(measured, distance => Assert.Empty(distance.Nearest));
        }
    }

    [Fact]
    public async Task The_nearest_failures_come_closest_first_with_their_sample_ids_labels_and_distances()
    {
        var index = CreateIndex();
        var model = NewModel();
        var failures = RandomFailures(new Random(5), count: 30, duplicates: 0);
        await index.StoreAsync(model, failures, TestContext.Current.CancellationToken);
        var queries = RandomQueries(new Random(6), 6);
        using var exact = new ExactFailureIndex(failures.ToMatrix());

        var measured = await index.MeasureAsync(model, queries, k: 3, nearestCount: 5, TestContext.Current.CancellationToken);

        var expected = exact.Nearest(AsMatrix(queries), 5);
        for (var q = 0; q < queries.Count; q++)
        {
            Assert.Equal(expected[q].Select(n => failures.SampleIds[n.Member]), measured[q].Nearest.Select(n => n.SampleId));
            Assert.Equal(expected[q].Select(n => failures.Labels[n.Member]), measured[q].Nearest.Select(n => n.Label));
            Assert.Equal(expected[q].Select(n => n.Distance), measured[q].Nearest.Select(n => n.Distance), (x, y) => Math.Abs(x - y) <= Tolerance);
            Assert.Equal(measured[q].Nearest[2].Distance, measured[q].Distance, Tolerance);
        }
    }

    [Fact]
    public async Task Storing_the_same_set_again_changes_no_answer()
    {
        var index = CreateIndex();
        var model = NewModel();
        var failures = RandomFailures(new Random(7), count: 20, duplicates: 2);
        var queries = RandomQueries(new Random(8), 10);
        await index.StoreAsync(model, failures, TestContext.Current.CancellationToken);
        var first = await index.MeasureAsync(model, queries, 2, nearestCount: 20, TestContext.Current.CancellationToken);

        await index.StoreAsync(model, failures, TestContext.Current.CancellationToken);
        var second = await index.MeasureAsync(model, queries, 2, nearestCount: 20, TestContext.Current.CancellationToken);

        Assert.Equal(first.Select(d => d.Distance), second.Select(d => d.Distance));
        Assert.All(second, distance => Assert.Equal(20, distance.Nearest.Count));
    }

    [Fact]
    public async Task More_nearest_failures_than_the_set_holds_gives_the_whole_set()
    {
        var index = CreateIndex();
        var model = NewModel();
        await index.StoreAsync(model, RandomFailures(new Random(9), count: 4, duplicates: 0), TestContext.Current.CancellationToken);

        var measured = await index.MeasureAsync(model, RandomQueries(new Random(10), 2), 4, nearestCount: 10, TestContext.Current.CancellationToken);

        Assert.All(measured, distance => Assert.Equal(4, distance.Nearest.Count));
    }

    [Fact]
    public async Task An_empty_failure_set_puts_every_query_infinitely_far()
    {
        var index = CreateIndex();
        var model = NewModel();
        await index.StoreAsync(model, new FailureSet(Dimension, [], [], []), TestContext.Current.CancellationToken);

        var measured = await index.MeasureAsync(model, RandomQueries(new Random(11), 3), 1, nearestCount: 2, TestContext.Current.CancellationToken);

        Assert.All(measured, distance =>
        {
            Assert.Equal(double.PositiveInfinity, distance.Distance);
            Assert.Empty(distance.Nearest);
        });
    }

    [Fact]
    public async Task A_query_of_the_wrong_size_is_refused_with_both_sizes_named()
    {
        var index = CreateIndex();
        var model = NewModel();
        await index.StoreAsync(model, RandomFailures(new Random(12), count: 5, duplicates: 0), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<FeatureDimensionMismatchException>(() =>
            index.MeasureAsync(model, [Ones(Dimension), Ones(Dimension + 1)], 1, cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal((Dimension, Dimension + 1), (error.Expected, error.Actual));
        Assert.Contains(model.ToString(), error.Message);
    }

    [Fact]
    public async Task A_zero_query_is_refused()
    {
        var index = CreateIndex();
        var model = NewModel();
        await index.StoreAsync(model, RandomFailures(new Random(13), count: 5, duplicates: 0), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<InvalidFeatureException>(() =>
            index.MeasureAsync(model, [new float[Dimension]], 1, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_K_outside_one_to_the_set_size_is_refused()
    {
        var index = CreateIndex();
        var model = NewModel();
        await index.StoreAsync(model, RandomFailures(new Random(14), count: 5, duplicates: 0), TestContext.Current.CancellationToken);
        var queries = RandomQueries(new Random(15), 1);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.MeasureAsync(model, queries, 0, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => index.MeasureAsync(model, queries, 6, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_version_without_a_stored_set_is_reported_unknown()
    {
        var index = CreateIndex();

        await Assert.ThrowsAsync<ModelNotFoundException>(() =>
            index.MeasureAsync(NewModel(), RandomQueries(new Random(16), 1), 1, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_deleted_set_is_unknown_and_deleting_it_again_changes_nothing()
    {
        var index = CreateIndex();
        var model = NewModel();
        await index.StoreAsync(model, RandomFailures(new Random(17), count: 5, duplicates: 0), TestContext.Current.CancellationToken);

        await index.DeleteAsync(model, TestContext.Current.CancellationToken);
        await index.DeleteAsync(model, TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ModelNotFoundException>(() =>
            index.MeasureAsync(model, RandomQueries(new Random(18), 1), 1, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Versions_keep_their_own_sets()
    {
        var index = CreateIndex();
        var first = NewModel();
        var second = NewModel();
        var near = RandomFailures(new Random(19), count: 6, duplicates: 0);
        var query = new[] { near.Row(0).ToArray() };
        await index.StoreAsync(first, near, TestContext.Current.CancellationToken);
        await index.StoreAsync(second, new FailureSet(Dimension, [.. near.Row(0).ToArray().Select(x => -x)], [0], ["opposite.png"]),
            TestContext.Current.CancellationToken);

        var fromFirst = await index.MeasureAsync(first, query, 1, cancellationToken: TestContext.Current.CancellationToken);
        var fromSecond = await index.MeasureAsync(second, query, 1, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(0, fromFirst[0].Distance, Tolerance);
        Assert.Equal(4, fromSecond[0].Distance, Tolerance);
    }

    /// <summary>Random unit vectors, with the first <paramref name="duplicates"/> repeated at the end (ties).</summary>
    protected static FailureSet RandomFailures(Random random, int count, int duplicates)
    {
        var rows = Enumerable.Range(0, count).Select(_ => UnitVector(random)).ToList();
        rows.AddRange(rows.Take(duplicates).ToList());
        return new FailureSet(Dimension, [.. rows.SelectMany(row => row)], [.. rows.Select((_, i) => i % 3)],
            [.. rows.Select((_, i) => $"class-{i % 3}/{i:000}.png")]);
    }

    /// <summary>Un-normalised queries: the index normalises them.</summary>
    protected static List<float[]> RandomQueries(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => UnitVector(random).Select(x => x * (float)(0.5 + 3 * random.NextDouble())).ToArray())];

    protected static Matrix AsMatrix(IReadOnlyList<float[]> rows) =>
        new(rows.Count, Dimension, [.. rows.SelectMany(row => row.Select(x => (double)x))]);

    private static float[] Ones(int size) => Enumerable.Repeat(1f, size).ToArray();

    private static float[] UnitVector(Random random)
    {
        var values = Enumerable.Range(0, Dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var norm = Math.Sqrt(values.Sum(x => x * x));
        return [.. values.Select(x => (float)(x / norm))];
    }
}
