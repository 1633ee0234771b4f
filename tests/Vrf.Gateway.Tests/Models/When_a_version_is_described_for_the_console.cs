using System.Text.Json;
using Vrf.Gateway.Tests.Support;
using Vrf.Serving.Evaluation;
using Vrf.Serving.Store;

namespace Vrf.Gateway.Tests.Models;

/// <summary>What <c>GET /v1/models/{name}</c> tells the console beyond the parameters: the datasets, the training record,
/// the last evaluation and when a version was promoted.</summary>
public sealed class When_a_version_is_described_for_the_console(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static readonly DateTimeOffset Trained = new(2026, 3, 3, 8, 0, 0, TimeSpan.Zero);

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_give_each_version_its_datasets_and_encoder_kind()
    {
        var ready = await VersionAsync("tiny", 2);

        var datasets = ready.GetProperty("datasets");
        Assert.Equal(("/data/train", 30), (datasets.GetProperty("train").GetProperty("path").GetString(),
            datasets.GetProperty("train").GetProperty("imageCount").GetInt32()));
        Assert.Equal("/data/val", datasets.GetProperty("validation").GetProperty("path").GetString());
        Assert.Equal("clip", ready.GetProperty("encoderKind").GetString());
        Assert.Equal(JsonValueKind.Null, ready.GetProperty("training").ValueKind);
        Assert.Equal(JsonValueKind.Null, ready.GetProperty("promotedAt").ValueKind);
    }

    [Fact]
    public async Task Should_give_a_trained_version_its_training_record()
    {
        var record = new TrainingRecord(Guid.NewGuid(), 1, "end-to-end", 8, 0.1, 1.0, 3,
            [new TrainingStageRecord("fine-tune", 2, 3e-5, 1, 10)], 10, 0.42, 0.875, Trained, Trained.AddMinutes(5));
        var trained = app.Models.Create("trained", ModelStatus.Ready, training: record);

        var version = await VersionAsync("trained", trained.Id.Version);

        var training = version.GetProperty("training");
        Assert.Equal((record.JobId, 1, "end-to-end", 0.42, 0.875), (training.GetProperty("jobId").GetGuid(), training.GetProperty("baseVersion").GetInt32(),
            training.GetProperty("recipe").GetString(), training.GetProperty("finalLoss").GetDouble(), training.GetProperty("validationAccuracy").GetDouble()));
        Assert.Equal(("fine-tune", 10), (training.GetProperty("stages")[0].GetProperty("name").GetString(),
            training.GetProperty("stages")[0].GetProperty("steps").GetInt32()));
    }

    [Fact]
    public async Task Should_give_a_version_its_last_evaluation_and_leave_out_one_that_cannot_be_read()
    {
        var evaluated = app.Models.Create("evaluated", ModelStatus.Ready);
        var unreadable = app.Models.Create("evaluated", ModelStatus.Ready);
        var records = new EvaluationRecords(app.Models.Store);
        records.Save(evaluated.Id, new EvaluationRecord(Trained, ["zs", "vrf"],
            [new EvaluatedSplit("id", "/data/test", 20, 0, new Dictionary<string, double> { ["zs"] = 0.5, ["vrf"] = 0.9 }),
             new EvaluatedSplit("sketch", "/data/sketch", 10, 1, new Dictionary<string, double> { ["zs"] = 0.4, ["vrf"] = 0.6 })],
            new Dictionary<string, double> { ["zs"] = 0.4, ["vrf"] = 0.6 }, null));
        records.Save(unreadable.Id, new EvaluationRecord(Trained, [], [], null, null));
        File.WriteAllText(Path.Combine(records.Root, "evaluated", "2.json"), "{ cut off");

        using var response = await _client.GetAsync("/v1/models/evaluated", TestContext.Current.CancellationToken);

        var versions = (await Responses.JsonAsync(response)).GetProperty("versions");
        var evaluation = versions[0].GetProperty("evaluation");
        Assert.Equal(["zs", "vrf"], evaluation.GetProperty("methods").EnumerateArray().Select(method => method.GetString()));
        Assert.Equal(["id", "sketch"], evaluation.GetProperty("splits").EnumerateArray().Select(split => split.GetProperty("name").GetString()));
        Assert.Equal(0.9, evaluation.GetProperty("splits")[0].GetProperty("accuracies").GetProperty("vrf").GetDouble());
        Assert.Equal(0.6, evaluation.GetProperty("outOfDistributionMean").GetProperty("vrf").GetDouble());
        Assert.Equal(JsonValueKind.Null, versions[1].GetProperty("evaluation").ValueKind);
    }

    private async Task<JsonElement> VersionAsync(string name, int version)
    {
        using var response = await _client.GetAsync($"/v1/models/{name}", TestContext.Current.CancellationToken);
        return (await Responses.JsonAsync(response)).GetProperty("versions").EnumerateArray()
            .Single(entry => entry.GetProperty("version").GetInt32() == version);
    }
}
