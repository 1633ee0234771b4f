using System.Net;
using System.Text.Json;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Models;

/// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{name}</c> on a real model store (see <see cref="TestModelStore"/>).</summary>
public sealed class When_models_are_listed(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_list_every_model_with_its_current_version_and_the_status_of_each_version()
    {
        using var response = await _client.GetAsync("/v1/models", TestContext.Current.CancellationToken);

        var models = (await Responses.JsonAsync(response)).GetProperty("models");
        Assert.Equal(["broken", "pending", "tiny"], models.EnumerateArray().Select(model => model.GetProperty("name").GetString()));
        var tiny = models[2];
        Assert.Equal(2, tiny.GetProperty("currentVersion").GetInt32());
        Assert.Equal([(1, "retired"), (2, "ready"), (3, "indexing")],
            tiny.GetProperty("versions").EnumerateArray()
                .Select(version => (version.GetProperty("version").GetInt32(), version.GetProperty("status").GetString())));
    }

    [Fact]
    public async Task Should_give_no_current_version_to_a_model_without_a_ready_one()
    {
        using var response = await _client.GetAsync("/v1/models", TestContext.Current.CancellationToken);

        var models = (await Responses.JsonAsync(response)).GetProperty("models");
        Assert.Equal(JsonValueKind.Null, models[0].GetProperty("currentVersion").ValueKind);
        Assert.Equal("failed", models[0].GetProperty("versions")[0].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, models[1].GetProperty("currentVersion").ValueKind);
    }

    [Fact]
    public async Task Should_describe_a_ready_version_with_its_classes_parameters_metrics_and_dates()
    {
        using var response = await _client.GetAsync("/v1/models/tiny", TestContext.Current.CancellationToken);

        var model = await Responses.JsonAsync(response);
        Assert.Equal(("tiny", 2), (model.GetProperty("name").GetString(), model.GetProperty("currentVersion").GetInt32()));
        Assert.Equal(3, model.GetProperty("versions").GetArrayLength());
        var ready = model.GetProperty("versions")[1];
        Assert.Equal(
            ["version", "status", "failureReason", "createdAt", "indexedAt", "retiredAt", "classes", "embeddingDimension",
             "parameters", "metrics", "warnings", "promotedAt", "encoderKind", "datasets", "training", "weightSpaceEnsemble", "evaluation"],
            Responses.PropertyNames(ready));
        Assert.Equal((2, "ready"), (ready.GetProperty("version").GetInt32(), ready.GetProperty("status").GetString()));
        Assert.Equal(TestModelStore.CreatedAt, ready.GetProperty("createdAt").GetDateTimeOffset());
        Assert.Equal(TestModelStore.IndexedAt, ready.GetProperty("indexedAt").GetDateTimeOffset());
        Assert.Equal(TestModelStore.ClassNames, ready.GetProperty("classes").EnumerateArray().Select(name => name.GetString()));
        Assert.Equal(64, ready.GetProperty("embeddingDimension").GetInt32());

        var parameters = ready.GetProperty("parameters");
        var expected = TestModelStore.Parameters;
        Assert.Equal((expected.A, expected.B, expected.K, expected.FailureSetSize),
            (parameters.GetProperty("a").GetDouble(), parameters.GetProperty("b").GetDouble(), parameters.GetProperty("k").GetInt32(),
             parameters.GetProperty("failureSetSize").GetInt32()));
        Assert.Equal((expected.ZeroShotTemperature, expected.FineTunedTemperature, expected.OseAlpha),
            (parameters.GetProperty("zeroShotTemperature").GetDouble(), parameters.GetProperty("fineTunedTemperature").GetDouble(),
             parameters.GetProperty("oseAlpha").GetDouble()));
        Assert.Equal(("explicit", "validation"), (parameters.GetProperty("kRule").GetString(), parameters.GetProperty("tunedOn").GetString()));

        var metrics = ready.GetProperty("metrics");
        Assert.Equal(0.9, metrics.GetProperty("train").GetProperty("fineTunedAccuracy").GetDouble());
        Assert.Equal(0.8, metrics.GetProperty("validation").GetProperty("vrfAccuracy").GetDouble());
        Assert.Equal((0.3, 1), (metrics.GetProperty("failureShare").GetDouble(), metrics.GetProperty("skippedImages").GetInt32()));
        Assert.Single(ready.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public async Task Should_describe_versions_that_are_not_served_without_parameters_or_metrics()
    {
        using var tinyResponse = await _client.GetAsync("/v1/models/tiny", TestContext.Current.CancellationToken);
        using var brokenResponse = await _client.GetAsync("/v1/models/broken", TestContext.Current.CancellationToken);

        var versions = (await Responses.JsonAsync(tinyResponse)).GetProperty("versions");
        Assert.Equal("retired", versions[0].GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, versions[0].GetProperty("retiredAt").ValueKind);
        Assert.Equal("indexing", versions[2].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, versions[2].GetProperty("parameters").ValueKind);
        Assert.Equal(JsonValueKind.Null, versions[2].GetProperty("metrics").ValueKind);
        var broken = await Responses.JsonAsync(brokenResponse);
        Assert.Equal(JsonValueKind.Null, broken.GetProperty("currentVersion").ValueKind);
        Assert.Equal(TestModelStore.FailureReason, broken.GetProperty("versions")[0].GetProperty("failureReason").GetString());
    }

    [Fact]
    public async Task Should_answer_404_for_a_model_the_store_does_not_have()
    {
        using var response = await _client.GetAsync("/v1/models/unknown", TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("The model store has no model 'unknown'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_400_for_a_name_no_model_can_have()
    {
        using var response = await _client.GetAsync("/v1/models/Not%20A%20Name", TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("is not a valid model name", problem.GetProperty("detail").GetString());
    }
}
