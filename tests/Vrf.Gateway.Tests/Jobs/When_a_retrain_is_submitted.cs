using System.Net;
using System.Net.Http.Json;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Jobs;

/// <summary><c>POST /v1/retrain</c>: checked against the model store, then published as a <c>RetrainModel</c>.</summary>
public sealed class When_a_retrain_is_submitted(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_publish_the_request_and_answer_202_with_the_job_and_its_location()
    {
        using var response = await _client.PostAsJsonAsync("/v1/retrain", new
        {
            model = "tiny",
            baseVersion = 2,
            train = "/data/train",
            validation = "/data/val",
            recipe = "lp-ft",
            epochs = 3,
            learningRate = 1e-4,
            seed = 7,
            checkpointEverySteps = 50,
        }, TestContext.Current.CancellationToken);

        var body = await response.Content.ReadFromJsonAsync<JobRequestBody>(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(("tiny", "submitted"), (body!.Model, body.Status));
        Assert.Equal($"/v1/jobs/{body.JobId}", response.Headers.Location?.OriginalString);
        var harness = app.Services.GetRequiredService<ITestHarness>();
        var published = harness.Published.Select<RetrainModel>(TestContext.Current.CancellationToken).Single(message => message.Context.Message.JobId == body.JobId);
        Assert.Equal(
            new RetrainModel(body.JobId, "tiny", 2, "/data/train", "/data/val", FineTuningRecipe.LinearProbeThenFineTune, Epochs: 3,
                LearningRate: 1e-4, Seed: 7, CheckpointEverySteps: 50),
            published.Context.Message);
    }

    [Theory]
    [InlineData("""{"train": "/data/train", "validation": "/data/val"}""", "model")]
    [InlineData("""{"model": "tiny", "train": "data/train", "validation": "/data/val"}""", "absolute path")]
    [InlineData("""{"model": "tiny", "train": "/data/train"}""", "validation")]
    [InlineData("""{"model": "tiny", "train": "/data/train", "validation": "/data/val", "recipe": "best"}""", "recipe")]
    [InlineData("""{"model": "tiny", "train": "/data/train", "validation": "/data/val", "epochs": 0}""", "epochs")]
    [InlineData("""{"model": "tiny", "train": "/data/train", "validation": "/data/val", "epochs": 1001}""", "'epochs' must be 1 to 1000")]
    [InlineData("""{"model": "tiny", "train": "/data/train", "validation": "/data/val", "batchSize": 4096}""", "'batchSize' must be 1 to 1024")]
    [InlineData("""{"model": "tiny", "train": "/data/val/../../etc", "validation": "/data/val"}""", "'train' must not contain '..'")]
    [InlineData("""{"model": "Tiny!", "train": "/data/train", "validation": "/data/val"}""", "not a valid model name")]
    public async Task Should_refuse_a_request_it_cannot_send_with_400(string json, string detail)
    {
        using var response = await PostAsync(json);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(detail, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_404_for_an_unknown_model_and_409_for_a_base_version_that_is_not_ready()
    {
        using var unknown = await PostAsync("""{"model": "nope", "train": "/data/train", "validation": "/data/val"}""");
        Assert.Contains("no model 'nope'", (await Responses.ProblemAsync(unknown, HttpStatusCode.NotFound)).GetProperty("detail").GetString());

        using var indexing = await PostAsync("""{"model": "tiny", "baseVersion": 3, "train": "/data/train", "validation": "/data/val"}""");
        await Responses.ProblemAsync(indexing, HttpStatusCode.Conflict);

        using var noReadyVersion = await PostAsync("""{"model": "pending", "train": "/data/train", "validation": "/data/val"}""");
        await Responses.ProblemAsync(noReadyVersion, HttpStatusCode.Conflict);
    }

    private Task<HttpResponseMessage> PostAsync(string json) =>
        _client.PostAsync("/v1/retrain", new StringContent(json, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

    private sealed record JobRequestBody(Guid JobId, string Model, string Status);
}
