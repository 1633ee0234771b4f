using Vrf.Method;
using Vrf.Serving.Failures;

namespace Vrf.Serving.Tests.Failures;

/// <summary>
/// The embedded index's fast search against the core library's double-precision reference (<see cref="ExactFailureIndex"/>):
/// the same K-th distances to 1e-12, not merely to float32 precision, on random sets and on sets built to defeat a
/// float32 ranking (members closer together than float32 can tell apart, one member repeated, K = |V|).
/// </summary>
public sealed class FlatFailureSearchTests
{
    private const double Exact = 1e-12;

    [Theory]
    [InlineData(40, 12, 1, 0, FlatFailureSearch.DefaultMaxScoresPerChunk)]
    [InlineData(40, 12, 7, 10, FlatFailureSearch.DefaultMaxScoresPerChunk)]
    [InlineData(300, 5, 3, 3, 64)]
    [InlineData(300, 19, 30, 0, 50)]
    [InlineData(257, 64, 100, 20, 1000)]
    [InlineData(60, 33, 60, 60, 7)]
    public void Distances_and_nearest_members_equal_the_reference_with_duplicates(int count, int dimension, int k, int nearest, long chunk)
    {
        var random = new Random(count + dimension);
        var failures = Failures(dimension, WithDuplicates(Enumerable.Range(0, count).Select(_ => UnitRow(random, dimension)).ToList(), count / 5));
        var queries = Queries(random, 23, dimension).Append(failures.Row(1).ToArray()).ToList();
        using var search = new FlatFailureSearch(failures, chunk);
        using var reference = new ExactFailureIndex(failures.ToMatrix());

        var answers = search.Search(queries, k, nearest);

        Assert.Equal(reference.KthDistances(AsMatrix(queries, dimension), k), answers.Select(a => a.Distance), (x, y) => Math.Abs(x - y) <= Exact);
        if (nearest > 0)
        {
            var expected = reference.Nearest(AsMatrix(queries, dimension), nearest);
            for (var q = 0; q < queries.Count; q++)
            {
                Assert.Equal(expected[q].Select(n => n.Distance), answers[q].Nearest.Select(n => n.Distance), (x, y) => Math.Abs(x - y) <= Exact);
                Assert.Equal(nearest, answers[q].Nearest.Select(n => n.SampleId).Distinct().Count());
                Assert.All(answers[q].Nearest, n => Assert.Equal(failures.Labels[Member(n)], n.Label));
                Assert.All(answers[q].Nearest, n => Assert.Equal(BruteForce(queries[q], failures.Row(Member(n))), n.Distance, Exact));
            }
        }
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(19, 10)]
    [InlineData(64, 100)]
    public void A_query_alone_gets_the_answer_it_gets_in_a_batch(int dimension, int k)
    {
        var random = new Random(dimension);
        var failures = Failures(dimension, WithDuplicates(Enumerable.Range(0, 3000).Select(_ => UnitRow(random, dimension)).ToList(), 100));
        var queries = Queries(random, 6, dimension);
        using var search = new FlatFailureSearch(failures);
        using var reference = new ExactFailureIndex(failures.ToMatrix());

        var alone = queries.Select(query => search.Search([query], k, nearestCount: 3).Single()).ToList();

        var batch = search.Search(queries, k, nearestCount: 3);
        Assert.Equal(batch.Select(a => a.Distance), alone.Select(a => a.Distance));
        Assert.Equal(batch.SelectMany(a => a.Nearest), alone.SelectMany(a => a.Nearest));
        Assert.Equal(reference.KthDistances(AsMatrix(queries, dimension), k), alone.Select(a => a.Distance), (x, y) => Math.Abs(x - y) <= Exact);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(150)]
    [InlineData(200)]
    [InlineData(201)]
    public void Members_closer_together_than_float32_can_tell_apart_still_give_the_exact_K_th_distance(int k)
    {
        const int dimension = 64;
        var random = new Random(k);
        var rows = Enumerable.Range(0, 200).Select(j => NearTie(dimension, 0.03 + j * 1e-7)).ToList();
        rows.AddRange(Enumerable.Range(0, 300).Select(_ => UnitRow(random, dimension)));
        var failures = Failures(dimension, [.. rows.OrderBy(_ => random.Next())]);
        var query = new float[dimension];
        query[0] = 2;
        using var search = new FlatFailureSearch(failures);
        using var reference = new ExactFailureIndex(failures.ToMatrix());

        var answer = search.Search([query], k, nearestCount: 0).Single();

        Assert.Equal(reference.KthDistances(AsMatrix([query], dimension), k).Single(), answer.Distance, Exact);
        Assert.True(search.RankingError > 1e-6, $"the ranking bound {search.RankingError} should exceed the gaps between these members");
    }

    [Fact]
    public void One_member_repeated_is_at_the_same_distance_for_every_K_up_to_the_whole_set()
    {
        var random = new Random(3);
        var member = UnitRow(random, 16);
        var failures = Failures(16, [.. Enumerable.Repeat(member, 90)]);
        var queries = Queries(random, 4, 16);
        using var search = new FlatFailureSearch(failures, maxScoresPerChunk: 100);
        using var reference = new ExactFailureIndex(failures.ToMatrix());

        foreach (var k in new[] { 1, 45, 90 })
        {
            var answers = search.Search(queries, k, nearestCount: 90);

            Assert.Equal(reference.KthDistances(AsMatrix(queries, 16), k), answers.Select(a => a.Distance), (x, y) => Math.Abs(x - y) <= Exact);
            Assert.All(answers, a => Assert.Equal(90, a.Nearest.Select(n => n.SampleId).Distinct().Count()));
        }
    }

    [Fact]
    public void Equidistant_members_count_once_each_and_come_in_the_order_of_the_set()
    {
        var failures = Failures(2, [[1, 0], [-1, 0], [0, 1], [0, -1]]);
        using var search = new FlatFailureSearch(failures);

        var answers = Enumerable.Range(1, 4).Select(k => search.Search([[1, 1]], k, nearestCount: 4).Single()).ToList();

        Assert.Equal([2 - Math.Sqrt(2), 2 - Math.Sqrt(2), 2 + Math.Sqrt(2), 2 + Math.Sqrt(2)], answers.Select(a => a.Distance), (x, y) => Math.Abs(x - y) <= Exact);
        Assert.Equal(["m0", "m2", "m1", "m3"], answers[0].Nearest.Select(n => n.SampleId));
    }

    [Fact]
    public void An_empty_set_puts_every_query_infinitely_far()
    {
        using var search = new FlatFailureSearch(new FailureSet(3, [], [], []));

        var answers = search.Search([[1, 0, 0], [0, 2, 0]], 1, 0);

        Assert.All(answers, a => Assert.Equal((double.PositiveInfinity, 0), (a.Distance, a.Nearest.Count)));
    }

    [Fact]
    public void A_K_or_a_nearest_count_beyond_the_set_and_a_query_without_direction_are_refused()
    {
        using var search = new FlatFailureSearch(Failures(2, [[1, 0], [0, 1]]));

        Assert.Throws<ArgumentOutOfRangeException>(() => search.Search([[1, 1]], 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => search.Search([[1, 1]], 3, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => search.Search([[1, 1]], 1, 3));
        Assert.Throws<ArgumentException>(() => search.Search([[0, 0]], 1, 0));
        Assert.Throws<ArgumentException>(() => search.Search([[1, 0, 0]], 1, 0));
    }

    [Fact]
    public void Thousands_of_searches_leave_no_tensor_alive()
    {
        var random = new Random(8);
        using var search = new FlatFailureSearch(Failures(8, [.. Enumerable.Range(0, 64).Select(_ => UnitRow(random, 8))]), maxScoresPerChunk: 64);
        var queries = Queries(random, 10, 8);
        var live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (var call = 0; call < 2000; call++)
        {
            search.Search(queries, 5, 3);
        }

        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void A_disposed_search_refuses_queries()
    {
        var search = new FlatFailureSearch(Failures(2, [[1, 0], [0, 1]]));
        search.Dispose();

        Assert.Throws<ObjectDisposedException>(() => search.Search([[1, 1]], 1, 0));
    }

    private static FailureSet Failures(int dimension, IReadOnlyList<float[]> rows) =>
        new(dimension, [.. rows.SelectMany(row => row)], [.. rows.Select((_, i) => i % 4)], [.. rows.Select((_, i) => $"m{i}")]);

    private static int Member(NearbyFailure failure) => int.Parse(failure.SampleId[1..], System.Globalization.CultureInfo.InvariantCulture);

    private static List<float[]> WithDuplicates(List<float[]> rows, int duplicates) => [.. rows, .. rows.Take(duplicates)];

    private static float[] UnitRow(Random random, int dimension)
    {
        var values = Enumerable.Range(0, dimension).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var norm = Math.Sqrt(values.Sum(x => x * x));
        return [.. values.Select(x => (float)(x / norm))];
    }

    /// <summary>A unit row at angle <paramref name="angle"/> from the first axis: its distance to that axis is 2 − 2·cos(angle).</summary>
    private static float[] NearTie(int dimension, double angle)
    {
        var row = new float[dimension];
        row[0] = (float)Math.Cos(angle);
        row[1] = (float)Math.Sin(angle);
        return row;
    }

    private static List<float[]> Queries(Random random, int count, int dimension) =>
        [.. Enumerable.Range(0, count).Select(_ => UnitRow(random, dimension).Select(x => x * (float)(0.5 + 3 * random.NextDouble())).ToArray())];

    private static Matrix AsMatrix(IReadOnlyList<float[]> rows, int dimension) =>
        new(rows.Count, dimension, [.. rows.SelectMany(row => row.Select(x => (double)x))]);

    private static double BruteForce(float[] query, ReadOnlySpan<float> member)
    {
        var norm = Math.Sqrt(query.Sum(x => (double)x * x));
        var sum = 0.0;
        for (var j = 0; j < query.Length; j++)
        {
            var difference = query[j] / norm - member[j];
            sum += difference * difference;
        }
        return sum;
    }
}
