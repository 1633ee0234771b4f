using System.Net.Http.Headers;
using System.Text.Json;
using Vrf.Contracts;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Classification;

/// <summary>
/// <c>POST /v1/classify</c> end to end through the gateway's real host and a real in-memory bus, with
/// <see cref="CannedPipeline"/> in place of the embedding, failure-index and scorer services: these tests check the
/// gateway's own behaviour (reading the upload and the query, what it publishes, the JSON it answers with), not the
/// pipeline's.
/// </summary>
public sealed class When_an_image_is_classified(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_answer_with_the_result_of_an_image_sent_as_a_form()
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny", Uploads.Form(CannedImages.Png),
            TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        Assert.Equal(
            ["requestId", "modelName", "modelVersion", "mode", "predictedClass", "topClasses", "distance", "distancePercentile", "weight",
             "zeroShotTopClass", "fineTunedTopClass", "nearestFailures", "stageTimings", "totalMilliseconds"],
            Responses.PropertyNames(result));
        Assert.Equal("tiny", result.GetProperty("modelName").GetString());
        Assert.Equal(CannedPipeline.CurrentVersion, result.GetProperty("modelVersion").GetInt32());
        Assert.Equal("vrf", result.GetProperty("mode").GetString());
        AssertClass(result.GetProperty("predictedClass"), 1, "green", 0.7);
        Assert.Equal(CannedPipeline.Ranking.Length, result.GetProperty("topClasses").GetArrayLength());
        AssertClass(result.GetProperty("topClasses")[1], 0, "red", 0.2);
        Assert.Equal(0.75, result.GetProperty("distance").GetDouble());
        Assert.Equal(CannedPipeline.DistancePercentile, result.GetProperty("distancePercentile").GetDouble());
        Assert.Equal(0.85, result.GetProperty("weight").GetDouble());
        AssertClass(result.GetProperty("zeroShotTopClass"), 0, "red", 0.55);
        AssertClass(result.GetProperty("fineTunedTopClass"), 1, "green", 0.9);
        Assert.Equal(0, result.GetProperty("nearestFailures").GetArrayLength());
        Assert.Equal(CannedPipeline.Timings.Select(timing => (timing.Stage, timing.Milliseconds)),
            result.GetProperty("stageTimings").EnumerateArray()
                .Select(timing => (timing.GetProperty("stage").GetString()!, timing.GetProperty("milliseconds").GetDouble())));
        Assert.True(result.GetProperty("totalMilliseconds").GetDouble() > 0);

        var published = app.Received.Get(result.GetProperty("requestId").GetGuid());
        Assert.Equal(CannedImages.Png, published.ImageBytes);
        Assert.Equal("photo.png", published.FileName);
    }

    [Fact]
    public async Task Should_answer_a_null_distance_when_the_version_has_no_zero_shot_failure()
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny", Uploads.Form(CannedImages.OfEmptyFailureSet),
            TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("distance").ValueKind);
        Assert.Equal(0, result.GetProperty("weight").GetDouble());
    }

    [Theory]
    [InlineData("image/png")]
    [InlineData("image/jpeg")]
    [InlineData("application/octet-stream")]
    public async Task Should_answer_with_the_result_of_an_image_sent_as_the_raw_body(string contentType)
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny", Uploads.Raw(CannedImages.Png, contentType),
            TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        Assert.Equal("green", result.GetProperty("predictedClass").GetProperty("name").GetString());
        var published = app.Received.Get(result.GetProperty("requestId").GetGuid());
        Assert.Equal(CannedImages.Png, published.ImageBytes);
        Assert.Null(published.FileName);
    }

    [Fact]
    public async Task Should_take_the_first_file_of_a_form_without_an_image_field()
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent("a note"), "comment");
        form.Add(Uploads.Raw(CannedImages.Png), "file", "first.png");
        form.Add(Uploads.Raw(CannedImages.Corrupt), "other", "second.png");

        using var response = await _client.PostAsync("/v1/classify?model=tiny", form, TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        var published = app.Received.Get(result.GetProperty("requestId").GetGuid());
        Assert.Equal("first.png", published.FileName);
        Assert.Equal(CannedImages.Png, published.ImageBytes);
    }

    [Fact]
    public async Task Should_prefer_the_image_field_to_any_other_file()
    {
        using var form = new MultipartFormDataContent();
        form.Add(Uploads.Raw(CannedImages.Corrupt), "attachment", "other.png");
        form.Add(Uploads.Raw(CannedImages.Png), "image", "chosen.png");

        using var response = await _client.PostAsync("/v1/classify?model=tiny", form, TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        Assert.Equal("chosen.png", app.Received.Get(result.GetProperty("requestId").GetGuid()).FileName);
    }

    [Fact]
    public async Task Should_publish_the_options_of_the_query_with_the_image()
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny&version=2&mode=ose&alpha=0.25&topK=2&nearestFailures=2",
            Uploads.Form(CannedImages.Png), TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        var published = app.Received.Get(result.GetProperty("requestId").GetGuid());
        Assert.Equal(("tiny", 2, EnsembleMode.OutputSpace, 0.25, 2, 2),
            (published.ModelName, published.ModelVersion, published.EnsembleMode, published.OseAlpha, published.TopK, published.NearestFailureCount));
        Assert.Equal(2, result.GetProperty("modelVersion").GetInt32());
        Assert.Equal("ose", result.GetProperty("mode").GetString());
        Assert.Equal(0.25, result.GetProperty("weight").GetDouble());
        Assert.Equal(2, result.GetProperty("topClasses").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("distance").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("distancePercentile").ValueKind);
        Assert.Equal(CannedPipeline.Failures.Select(failure => failure.SampleId),
            result.GetProperty("nearestFailures").EnumerateArray().Select(failure => failure.GetProperty("sampleId").GetString()));
    }

    [Fact]
    public async Task Should_leave_the_version_and_mode_to_the_pipeline_when_the_query_gives_none()
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny", Uploads.Form(CannedImages.Png),
            TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        var published = app.Received.Get(result.GetProperty("requestId").GetGuid());
        Assert.Null(published.ModelVersion);
        Assert.Null(published.EnsembleMode);
        Assert.Null(published.OseAlpha);
        Assert.Equal((5, 0), (published.TopK, published.NearestFailureCount));
    }

    [Theory]
    [InlineData("vrf", EnsembleMode.Vrf)]
    [InlineData("zero-shot", EnsembleMode.ZeroShot)]
    [InlineData("fine-tuned", EnsembleMode.FineTuned)]
    [InlineData("ose", EnsembleMode.OutputSpace)]
    [InlineData("Zero-Shot", EnsembleMode.ZeroShot)]
    public async Task Should_ask_for_the_mode_the_query_names_and_answer_with_the_same_name(string name, EnsembleMode mode)
    {
        using var response = await _client.PostAsync($"/v1/classify?model=tiny&mode={name}", Uploads.Form(CannedImages.Png),
            TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        Assert.Equal(mode, app.Received.Get(result.GetProperty("requestId").GetGuid()).EnsembleMode);
        Assert.Equal(name.ToLowerInvariant(), result.GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Should_accept_an_image_as_large_as_the_limit()
    {
        var image = new byte[GatewayApp.MaxImageBytes];
        Random.Shared.NextBytes(image);
        using var content = new ByteArrayContent(image);
        content.Headers.ContentType = new MediaTypeHeaderValue("image/png");

        using var response = await _client.PostAsync("/v1/classify?model=tiny", content, TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        Assert.Equal(image, app.Received.Get(result.GetProperty("requestId").GetGuid()).ImageBytes);
    }

    private static void AssertClass(JsonElement element, int index, string name, double probability)
    {
        Assert.Equal(["index", "name", "probability"], Responses.PropertyNames(element));
        Assert.Equal((index, name, probability),
            (element.GetProperty("index").GetInt32(), element.GetProperty("name").GetString(), element.GetProperty("probability").GetDouble()));
    }
}
