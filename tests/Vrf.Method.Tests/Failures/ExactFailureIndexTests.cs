namespace Vrf.Method.Tests.Failures;

public sealed class ExactFailureIndexTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(40)]
    public void Distances_equal_a_brute_force_search_with_duplicate_members(int k)
    {
        var random = new Random(11);
        var members = WithDuplicates(RandomMatrix(random, 30, 5), 10).L2NormalizedRows();
        var queries = RandomMatrix(random, 25, 5);
        using var index = new ExactFailureIndex(members);

        var distances = index.KthDistances(queries, k);

        Assert.Equal(40, index.Count);
        Assert.Equal(BruteForce(members, queries, k), distances, (x, y) => Math.Abs(x - y) <= 1e-12);
    }

    [Fact]
    public void Chunked_queries_give_the_same_distances_as_one_batch()
    {
        var random = new Random(5);
        var members = RandomMatrix(random, 50, 8).L2NormalizedRows();
        var queries = RandomMatrix(random, 37, 8);
        using var whole = new ExactFailureIndex(members);
        using var chunked = new ExactFailureIndex(members, maxDistancesPerChunk: 3 * 50 + 1);

        Assert.Equal(whole.KthDistances(queries, 4), chunked.KthDistances(queries, 4), (x, y) => Math.Abs(x - y) <= 1e-14);
    }

    [Fact]
    public void A_query_on_a_member_is_at_distance_zero_an_orthogonal_one_at_two_and_an_opposite_one_at_four()
    {
        var members = new Matrix(3, 2, [1, 0, 0, 1, 1, 0]).L2NormalizedRows();
        using var index = new ExactFailureIndex(members);
        var queries = new Matrix(2, 2, [5, 0, -2, 0]);

        Assert.Equal([0.0, 2.0], index.KthDistances(queries, 1));
        Assert.Equal([0.0, 4.0], index.KthDistances(queries, 2));
        Assert.Equal([2.0, 4.0], index.KthDistances(queries, 3));
    }

    [Fact]
    public void Equidistant_members_are_counted_once_each()
    {
        var members = new Matrix(4, 2, [1, 0, -1, 0, 0, 1, 0, -1]);
        using var index = new ExactFailureIndex(members);
        var query = new Matrix(1, 2, [1, 1]);

        var first = index.KthDistances(query, 1)[0];
        var second = index.KthDistances(query, 2)[0];
        var third = index.KthDistances(query, 3)[0];
        var last = index.KthDistances(query, 4)[0];

        Assert.Equal(2 - Math.Sqrt(2), first, 12);
        Assert.Equal(first, second);
        Assert.Equal(2 + Math.Sqrt(2), third, 12);
        Assert.Equal(third, last);
    }

    [Fact]
    public void An_empty_failure_set_puts_every_query_infinitely_far()
    {
        using var index = new ExactFailureIndex(new Matrix(0, 3));

        Assert.Equal([double.PositiveInfinity, double.PositiveInfinity], index.KthDistances(new Matrix(2, 3, [1, 0, 0, 0, 1, 0]), 1));
    }

    [Fact]
    public void A_K_outside_one_to_the_set_size_is_refused()
    {
        using var index = new ExactFailureIndex(new Matrix(2, 2, [1, 0, 0, 1]));
        var query = new Matrix(1, 2, [1, 1]);

        Assert.Throws<ArgumentOutOfRangeException>(() => index.KthDistances(query, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.KthDistances(query, 3));
    }

    [Fact]
    public void Queries_of_another_dimension_are_refused()
    {
        using var index = new ExactFailureIndex(new Matrix(2, 2, [1, 0, 0, 1]));

        Assert.Throws<ArgumentException>(() => index.KthDistances(new Matrix(1, 3, [1, 1, 1]), 1));
    }

    [Fact]
    public void Thousands_of_queries_leave_no_tensor_alive()
    {
        var random = new Random(2);
        using var index = new ExactFailureIndex(RandomMatrix(random, 64, 8).L2NormalizedRows(), maxDistancesPerChunk: 64 * 4);
        var queries = RandomMatrix(random, 10, 8);
        var live = TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        for (var call = 0; call < 2000; call++)
        {
            index.KthDistances(queries, 5);
        }

        Assert.Equal(live, TorchSharp.DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void A_disposed_index_refuses_queries()
    {
        var index = new ExactFailureIndex(new Matrix(2, 2, [1, 0, 0, 1]));
        index.Dispose();

        Assert.Throws<ObjectDisposedException>(() => index.KthDistances(new Matrix(1, 2, [1, 1]), 1));
    }

    [Fact]
    public void The_nearest_members_come_closest_first_and_the_K_th_of_them_is_at_the_K_th_distance()
    {
        var random = new Random(23);
        var members = WithDuplicates(RandomMatrix(random, 20, 6), 5).L2NormalizedRows();
        var queries = RandomMatrix(random, 9, 6);
        using var index = new ExactFailureIndex(members, maxDistancesPerChunk: 2 * 25);

        var nearest = index.Nearest(queries, 7);

        for (var q = 0; q < queries.Rows; q++)
        {
            Assert.Equal(7, nearest[q].Length);
            Assert.Equal(nearest[q].Select(n => n.Distance).Order(), nearest[q].Select(n => n.Distance));
            Assert.Equal(7, nearest[q].Select(n => n.Member).Distinct().Count());
            foreach (var neighbour in nearest[q])
            {
                Assert.Equal(BruteForceTo(members, queries, q, neighbour.Member), neighbour.Distance, 12);
            }
        }
        Assert.Equal(index.KthDistances(queries, 7), nearest.Select(n => n[^1].Distance), (x, y) => Math.Abs(x - y) <= 1e-14);
    }

    [Fact]
    public void An_empty_failure_set_has_no_nearest_members()
    {
        using var index = new ExactFailureIndex(new Matrix(0, 2));

        Assert.All(index.Nearest(new Matrix(2, 2, [1, 0, 0, 1]), 3), Assert.Empty);
    }

    [Fact]
    public void More_nearest_members_than_the_set_holds_are_refused()
    {
        using var index = new ExactFailureIndex(new Matrix(2, 2, [1, 0, 0, 1]));

        Assert.Throws<ArgumentOutOfRangeException>(() => index.Nearest(new Matrix(1, 2, [1, 1]), 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => index.Nearest(new Matrix(1, 2, [1, 1]), 0));
    }

    private static double BruteForceTo(Matrix normalizedMembers, Matrix queries, int query, int member)
    {
        var normalizedQueries = queries.L2NormalizedRows();
        var sum = 0.0;
        for (var j = 0; j < queries.Columns; j++)
        {
            var difference = normalizedQueries[query, j] - normalizedMembers[member, j];
            sum += difference * difference;
        }
        return sum;
    }

    private static Matrix RandomMatrix(Random random, int rows, int columns) =>
        new(rows, columns, [.. Enumerable.Range(0, rows * columns).Select(_ => random.NextDouble() * 2 - 1)]);

    private static Matrix WithDuplicates(Matrix matrix, int duplicates) =>
        Matrix.FromRows([.. Enumerable.Range(0, matrix.Rows + duplicates).Select(i => matrix.Row(i % matrix.Rows).ToArray())], matrix.Columns);

    private static double[] BruteForce(Matrix normalizedMembers, Matrix queries, int k)
    {
        var normalizedQueries = queries.L2NormalizedRows();
        var distances = new double[queries.Rows];
        for (var q = 0; q < queries.Rows; q++)
        {
            var all = new List<double>();
            for (var m = 0; m < normalizedMembers.Rows; m++)
            {
                var sum = 0.0;
                for (var j = 0; j < queries.Columns; j++)
                {
                    var difference = normalizedQueries[q, j] - normalizedMembers[m, j];
                    sum += difference * difference;
                }
                all.Add(sum);
            }
            all.Sort();
            distances[q] = all[k - 1];
        }
        return distances;
    }
}
