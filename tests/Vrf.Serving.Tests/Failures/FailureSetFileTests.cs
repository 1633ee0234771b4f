using Vrf.Tensors;
using Vrf.Serving.Failures;
using Vrf.Testing;

namespace Vrf.Serving.Tests.Failures;

public sealed class FailureSetFileTests : IDisposable
{
    private readonly TemporaryDirectory _folder = new();

    [Fact]
    public void A_written_set_reads_back_bit_for_bit_with_its_sample_ids_and_labels()
    {
        var failures = new FailureSet(2, [0.6f, 0.8f, 0f, -1f], [2, 0], ["dog/b.png", "cat/\"quoted\" ü.png"]);
        var path = _folder.File("failure-set.safetensors");

        FailureSetFile.Write(path, failures);
        var read = FailureSetFile.Read(path);

        Assert.True(read.SameAs(failures));
        Assert.Equal(["dog/b.png", "cat/\"quoted\" ü.png"], read.SampleIds);
        Assert.Equal([2, 0], read.Labels);
    }

    [Fact]
    public void A_set_written_in_the_first_format_with_its_ids_in_the_header_still_reads()
    {
        var path = _folder.File("first-format.safetensors");
        using (var scope = TorchSharp.torch.NewDisposeScope())
        {
            SafeTensorsWriter.Write(path,
                new Dictionary<string, TorchSharp.torch.Tensor>
                {
                    ["features"] = TorchSharp.torch.tensor(new[] { 0.6f, 0.8f, 0f, -1f }, [2, 2]),
                    ["labels"] = TorchSharp.torch.tensor(new[] { 2L, 0L }, [2]),
                },
                new Dictionary<string, string> { ["format"] = FailureSetFile.IdsInHeaderFormat, ["sample_ids"] = "[\"dog/b.png\",\"cat/a.png\"]" });
        }

        var read = FailureSetFile.Read(path);

        Assert.True(read.SameAs(new FailureSet(2, [0.6f, 0.8f, 0f, -1f], [2, 0], ["dog/b.png", "cat/a.png"])));
    }

    [Fact]
    public void An_empty_set_keeps_its_dimension()
    {
        var path = _folder.File("empty.safetensors");

        FailureSetFile.Write(path, new FailureSet(7, [], [], []));
        var read = FailureSetFile.Read(path);

        Assert.Equal((0, 7), (read.Count, read.Dimension));
    }

    [Fact]
    public void Features_that_are_not_unit_vectors_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new FailureSet(2, [3f, 4f], [0], ["a.png"]));

        Assert.Contains("a.png", error.Message);
    }

    [Fact]
    public void Point_ids_depend_on_the_model_version_and_sample_alone()
    {
        var model = new Vrf.Serving.Store.ModelVersionId("pets", 3);

        Assert.Equal(QdrantPoints.PointId(model, "cat/1.png"), QdrantPoints.PointId(new("pets", 3), "cat/1.png"));
        Assert.NotEqual(QdrantPoints.PointId(model, "cat/1.png"), QdrantPoints.PointId(new("pets", 4), "cat/1.png"));
        Assert.NotEqual(QdrantPoints.PointId(model, "cat/1.png"), QdrantPoints.PointId(model, "cat/2.png"));
        Assert.Equal("vrf-pets-v3", QdrantPoints.CollectionName("vrf", model));
    }

    [Fact]
    public void A_cosine_score_becomes_the_squared_distance_between_unit_vectors()
    {
        Assert.Equal(0, QdrantFailureIndex.SquaredDistance(1f));
        Assert.Equal(2, QdrantFailureIndex.SquaredDistance(0f));
        Assert.Equal(4, QdrantFailureIndex.SquaredDistance(-1f));
        Assert.Equal(0, QdrantFailureIndex.SquaredDistance(1.0000001f));
    }

    public void Dispose() => _folder.Dispose();
}
