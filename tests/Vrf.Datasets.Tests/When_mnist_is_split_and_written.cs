using Vrf.Imaging;
using Vrf.Encoders;
using Vrf.Datasets.Export;
using Vrf.Datasets.Mnist;
using Vrf.Digits.Imaging;
using Vrf.Testing;

namespace Vrf.Datasets.Tests;

public sealed class When_mnist_is_split_and_written(MnistFixture mnist) : IClassFixture<MnistFixture>
{
    private IReadOnlyList<int> Labels => Enumerable.Range(0, mnist.Train.Count).Select(mnist.Train.Label).ToList();

    [Fact]
    public void Validation_takes_the_asked_number_per_digit_and_training_keeps_the_rest()
    {
        var plan = MnistSplitPlan.Create(Labels, 100, seed: 0);

        Assert.Equal(1_000, plan.Val.Count);
        Assert.Equal(59_000, plan.Train.Count);
        Assert.Empty(plan.Train.Intersect(plan.Val));
        Assert.All(plan.Val.GroupBy(i => Labels[i]), digit => Assert.Equal(100, digit.Count()));
    }

    [Fact]
    public void The_split_is_a_function_of_the_seed()
    {
        var first = MnistSplitPlan.Create(Labels, 50, seed: 3, trainLimit: 2_000);
        var again = MnistSplitPlan.Create(Labels, 50, seed: 3, trainLimit: 2_000);
        var other = MnistSplitPlan.Create(Labels, 50, seed: 4, trainLimit: 2_000);

        Assert.Equal(first.Val, again.Val);
        Assert.Equal(first.Train, again.Train);
        Assert.NotEqual(first.Val, other.Val);
        Assert.Equal(2_000, first.Train.Count);
        Assert.Empty(first.Train.Intersect(first.Val));
    }

    [Fact]
    public void The_folders_hold_the_digits_pixels_and_a_rerun_writes_nothing_again()
    {
        using var output = new TemporaryDirectory();
        var options = new MnistExportOptions { Output = output.Path, MnistFolder = mnist.Folder, ValPerClass = 2, TrainLimit = 30, TestLimit = 25 };

        var first = MnistExport.Write(options, cancellationToken: TestContext.Current.CancellationToken);
        var second = MnistExport.Write(options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal([("train", 30), ("val", 20), ("test", 25)], first.Select(s => (s.Name, s.Written)));
        Assert.All(second, split => Assert.Equal(0, split.Written));
        Assert.Equal([30, 20, 25], second.Select(s => s.AlreadyThere));
        Assert.Equal(Enumerable.Range(0, 10).Select(d => d.ToString()), Directory.GetDirectories(Path.Combine(output.Path, "val")).Select(Path.GetFileName).Order());
        var file = Path.Combine(output.Path, "test", mnist.Test.Label(3).ToString(), "00003.png");
        var decoded = GreyImage.FromRgb(new ImageDecoder(new ImageDecodingOptions()).Decode(File.ReadAllBytes(file), file));
        Assert.Equal(mnist.Test.Image(3).Bytes.ToArray(), decoded.Bytes.ToArray());
        Assert.Empty(Directory.GetFiles(output.Path, "*.partial", SearchOption.AllDirectories));
    }

    [Fact]
    public void A_cancelled_export_stops_and_leaves_no_partial_file()
    {
        using var output = new TemporaryDirectory();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() =>
            MnistExport.Write(new MnistExportOptions { Output = output.Path, MnistFolder = mnist.Folder, ValPerClass = 1 }, cancellationToken: cancelled.Token));

        Assert.Empty(Directory.GetFiles(output.Path, "*", SearchOption.AllDirectories));
    }
}
