using System.Text.Json;
using MassTransit.Serialization;
using Vrf.Contracts;

namespace Vrf.Messaging.Tests.Contracts;

public sealed class When_a_contract_crosses_the_bus
{
    private static readonly StageTiming[] Timings = [new("decode", 1.5), new("encode", 42.25), new("score", 0.125)];
    private static readonly NearestFailure[] Neighbours = [new("train/7/00042", 7, 0.61), new("train/1/00007", 1, 0.74)];

    /// <summary>One message of every contract, each field set to something other than its default.</summary>
    public static TheoryData<object> Messages =>
    [
        Support.SampleMessages.ClassifyImage(),
        new ImageEmbedded(Guid.NewGuid(), "mnist-resnet18", 3, [1.5f, -2f], [0.25f, 3f], [0.1f, 0.2f, 0.3f],
            EnsembleMode.Vrf, 0.4, 2, 1, Timings),
        new FailureDistanceMeasured(Guid.NewGuid(), "mnist-resnet18", 3, [1.5f, -2f], [0.25f, 3f], 1.75, 5, Neighbours,
            EnsembleMode.OutputSpace, 0.4, 2, Timings),
        new ImageClassified(Guid.NewGuid(), "mnist-resnet18", 3, 7, "seven", [new(7, "seven", 0.9), new(1, "one", 0.08)],
            1.75, 0.31, new ClassProbability(1, "one", 0.55), new ClassProbability(7, "seven", 0.97), EnsembleMode.Vrf,
            Neighbours, Timings),
        new ImageClassificationFailed(Guid.NewGuid(), "mnist-resnet18", "Model version 9 does not exist.", "embedding",
            ClassificationFailureKind.UnknownModel),
        new ModelImported("mnist-resnet18", 2, "mnist-resnet18/2"),
        new ModelIndexingProgressed("mnist-resnet18", 4, "failure-set", 1200, 60000),
        new ModelPromoted("mnist-resnet18", 4),
        new ModelIndexingFailed("mnist-resnet18", 4, "Dataset folder '/data/train' has no sub-folder for class 'seven'."),
        new ModelRetired("mnist-resnet18", 1),
        new RetrainModel(Guid.NewGuid(), "mnist-resnet18", 3, "/data/mnist/train", "/data/mnist/val",
            FineTuningRecipe.LinearProbeThenFineTune, 5, 64, 1e-4, 0.05, 100, 0.5, 17, "/data/mnist/test", 2, 1e-3, 200),
        new FineTuningStarted(Guid.NewGuid(), "mnist-resnet18", 3, 9380, 1200),
        new FineTuningProgressed(Guid.NewGuid(), "mnist-resnet18", "fine-tune", 2, 1500, 9380, 0.183, 2.5e-5, 310.5,
            TimeSpan.FromMinutes(7.5)),
        new ModelTrained(Guid.NewGuid(), "mnist-resnet18", 4, "mnist-resnet18/4", 0.987),
        new FineTuningFailed(Guid.NewGuid(), "mnist-resnet18", "The training folder has no images."),
        new CancelFineTuning(Guid.NewGuid(), "Superseded by a new request."),
        new FineTuningCancelled(Guid.NewGuid(), "mnist-resnet18", 1200),
        new CheckModelDrift("mnist-resnet18", 3),
        new DistributionShiftDetected("mnist-resnet18", 3, DateTimeOffset.UnixEpoch.AddDays(20000), Window, Statistics,
            [DriftTestKind.DistanceTail, DriftTestKind.ClassFrequencies], [new OverRepresentedClass(7, "seven", 120, 50.5)]),
        new DistributionShiftCleared("mnist-resnet18", 3, DateTimeOffset.UnixEpoch.AddDays(20001), DateTimeOffset.UnixEpoch.AddDays(20000),
            Window, Statistics),
        new ModelDriftReports([new ModelDriftReport("mnist-resnet18", 3, true, DateTimeOffset.UnixEpoch.AddDays(20000), Window, Statistics,
            [new OverRepresentedClass(7, "seven", 120, 50.5)], null)]),
        new ModelDriftRefused("Model mnist-resnet18@3 recorded no validation distribution of d.", false),
    ];

    private static DriftWindowSpan Window => new(500, DateTimeOffset.UnixEpoch.AddDays(19999), DateTimeOffset.UnixEpoch.AddDays(20000));

    private static DriftStatistics Statistics => new(0.12, 1e-6, 0.31, 2e-5, 0.42, 0.08, 0.003);

    [Theory]
    [MemberData(nameof(Messages))]
    public void Should_read_back_equal_with_the_bus_serializer(object message)
    {
        var json = JsonSerializer.Serialize(message, message.GetType(), SystemTextJsonMessageSerializer.Options);

        var readBack = JsonSerializer.Deserialize(json, message.GetType(), SystemTextJsonMessageSerializer.Options);

        Assert.Equivalent(message, readBack, strict: true);
    }

    [Fact]
    public void Should_read_a_failure_without_a_kind_as_internal()
    {
        var requestId = Guid.NewGuid();
        var json = $$"""{"requestId":"{{requestId}}","modelName":"tiny","reason":"Out of memory.","stage":"scorer"}""";

        var readBack = JsonSerializer.Deserialize<ImageClassificationFailed>(json, SystemTextJsonMessageSerializer.Options);

        Assert.Equal(new ImageClassificationFailed(requestId, "tiny", "Out of memory.", "scorer", ClassificationFailureKind.Internal), readBack);
    }

    [Fact]
    public void Should_write_the_kind_of_a_failure_as_its_fixed_number()
    {
        var failure = new ImageClassificationFailed(Guid.NewGuid(), "tiny", "Model tiny@2 is retired and cannot be served.", "embedding",
            ClassificationFailureKind.ModelNotReady);

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(failure, SystemTextJsonMessageSerializer.Options));

        Assert.Equal(2, json.RootElement.GetProperty("kind").GetInt32());
    }

    [Fact]
    public void Should_cover_every_message_of_the_contracts_assembly()
    {
        var messageTypes = typeof(ClassifyImage).Assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, Namespace: "Vrf.Contracts" })
            .Except([typeof(StageTiming), typeof(ClassProbability), typeof(NearestFailure), typeof(DriftWindowSpan), typeof(DriftStatistics),
                typeof(ModelDriftReport), typeof(OverRepresentedClass)]);

        Assert.Equal(messageTypes.OrderBy(type => type.Name), Messages.Select(row => row.Data.GetType()).OrderBy(type => type.Name));
    }
}
