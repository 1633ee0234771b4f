using System.Buffers.Binary;
using Vrf.Datasets.Idx;
using Vrf.Datasets.Mnist;

namespace Vrf.Datasets.Tests;

public sealed class When_idx_files_are_read(MnistFixture mnist) : IClassFixture<MnistFixture>
{
    private static byte[] Idx(int[] dimensions, byte[] values)
    {
        var bytes = new byte[4 + 4 * dimensions.Length + values.Length];
        bytes[2] = 0x08;
        bytes[3] = (byte)dimensions.Length;
        for (var d = 0; d < dimensions.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4 + 4 * d), dimensions[d]);
        }
        values.CopyTo(bytes, 4 + 4 * dimensions.Length);
        return bytes;
    }

    [Fact]
    public void Dimensions_and_values_come_out_in_order()
    {
        var array = IdxReader.Parse(Idx([2, 3, 2], [.. Enumerable.Range(0, 12).Select(i => (byte)i)]), "test");

        Assert.Equal([2, 3, 2], array.Dimensions);
        Assert.Equal([6, 7, 8, 9, 10, 11], array.Item(1).ToArray());
    }

    [Fact]
    public void A_file_with_too_few_values_is_refused_with_both_counts()
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Parse(Idx([2, 3], [1, 2, 3, 4, 5]), "short.idx"));

        Assert.Contains("short.idx", error.Message);
        Assert.Contains("6 values", error.Message);
        Assert.Contains("holds 5", error.Message);
    }

    [Fact]
    public void A_gzip_file_is_refused_with_a_hint()
    {
        var error = Assert.Throws<InvalidDataException>(() => IdxReader.Parse([0x1f, 0x8b, 8, 0, 0, 0], "train.gz"));

        Assert.Contains("gzip", error.Message);
    }

    [Fact]
    public void The_cached_mnist_files_hold_60000_and_10000_digits_of_28_px()
    {
        Assert.Equal(60_000, mnist.Train.Count);
        Assert.Equal(10_000, mnist.Test.Count);
        Assert.Equal(28, mnist.Test.Width);
        Assert.Equal(28, mnist.Test.Height);
        Assert.Equal(7, mnist.Test.Label(0));
        Assert.Equal(5, mnist.Train.Label(0));
        Assert.Equal(Enumerable.Range(0, 10), Enumerable.Range(0, 10_000).Select(mnist.Test.Label).Distinct().Order());
    }

    [Fact]
    public void A_missing_cache_says_how_to_fill_it()
    {
        var error = Assert.Throws<FileNotFoundException>(() => MnistSet.Load("/nonexistent/mnist", MnistSplit.Test));

        Assert.Contains("install-prerequisites.sh data", error.Message);
    }
}
