using System.Net;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Classification;

/// <summary>
/// What the gateway answers when the pipeline publishes an <c>ImageClassificationFailed</c> instead of a result. The
/// failures are canned by <see cref="CannedPipeline"/> on the real in-memory bus (see
/// <see cref="When_an_image_is_classified"/>): this checks how the gateway maps them, not why the pipeline fails.
/// </summary>
public sealed class When_the_pipeline_does_not_classify_the_image(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_answer_422_with_the_reason_and_the_stage_that_rejected_it()
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny", Uploads.Form(CannedImages.Corrupt),
            TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.UnprocessableEntity);
        Assert.Equal(CannedPipeline.RejectionReason, problem.GetProperty("detail").GetString());
        Assert.Equal(CannedPipeline.RejectingStage, problem.GetProperty("stage").GetString());
        Assert.Equal("InvalidImage", problem.GetProperty("kind").GetString());
        Assert.Equal(CannedImages.Corrupt, app.Received.Get(problem.GetProperty("requestId").GetGuid()).ImageBytes);
    }

    [Fact]
    public async Task Should_answer_404_when_the_pipeline_does_not_know_the_version()
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny&version=2", Uploads.Form(CannedImages.OfVanishedVersion),
            TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Model 'tiny' has no version 2 (versions: 1, 2).", problem.GetProperty("detail").GetString());
        Assert.Equal(CannedPipeline.RejectingStage, problem.GetProperty("stage").GetString());
    }

    [Fact]
    public async Task Should_answer_409_when_the_pipeline_finds_the_version_not_servable()
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny&version=2", Uploads.Form(CannedImages.OfRetiredVersion),
            TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(CannedPipeline.RetiredReason, problem.GetProperty("detail").GetString());
        Assert.Equal("ModelNotReady", problem.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Should_answer_502_when_a_service_of_the_pipeline_failed_whatever_its_reason_says()
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny", Uploads.Form(CannedImages.Crashing),
            TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal(CannedPipeline.CrashReason, problem.GetProperty("detail").GetString());
        Assert.Equal(CannedPipeline.CrashingStage, problem.GetProperty("stage").GetString());
        Assert.Equal("Internal", problem.GetProperty("kind").GetString());
    }
}
