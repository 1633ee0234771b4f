using System.Net;
using System.Text.Json;
using Vrf.Gateway.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Gateway.Tests.Hosting;

/// <summary>The OpenAPI document and the health probes of the gateway's real host.</summary>
public sealed class When_the_gateway_describes_itself(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_serve_an_OpenAPI_document_of_its_endpoints_with_summaries()
    {
        var document = await OpenApiDocumentAsync();

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (path.Name, operation.Name, operation.Value)))
            .ToList();
        Assert.Equal(
            [("/v1/classify", "post"), ("/v1/events", "get"), ("/v1/identity", "get"), ("/v1/jobs", "get"), ("/v1/jobs/{id}", "get"), ("/v1/jobs/{id}/cancel", "post"),
             ("/v1/models", "get"), ("/v1/models/{name}", "get"), ("/v1/models/{name}/drift", "get"),
             ("/v1/models/{name}/versions/{version}/promote", "post"),
             ("/v1/models/{name}/versions/{version}/retire", "post"),
             ("/v1/models/{name}/versions/{version}/training-images/{className}/{fileName}", "get"), ("/v1/retrain", "post")],
            operations.Select(operation => (operation.Item1, operation.Item2)).Order());
        Assert.All(operations, operation => Assert.False(string.IsNullOrWhiteSpace(operation.Value.GetProperty("summary").GetString())));
    }

    [Fact]
    public async Task Should_describe_the_classify_upload_its_query_and_every_answer()
    {
        var classify = (await OpenApiDocumentAsync()).GetProperty("paths").GetProperty("/v1/classify").GetProperty("post");

        Assert.Equal(["multipart/form-data", "image/*", "application/octet-stream"],
            Responses.PropertyNames(classify.GetProperty("requestBody").GetProperty("content")));
        Assert.Equal(["model", "version", "mode", "alpha", "topK", "nearestFailures"],
            classify.GetProperty("parameters").EnumerateArray().Select(parameter => parameter.GetProperty("name").GetString()));
        Assert.True(classify.GetProperty("parameters")[0].GetProperty("required").GetBoolean());
        var responses = classify.GetProperty("responses");
        Assert.Equal(["200", "400", "401", "403", "404", "409", "413", "415", "422", "429", "502", "504"], Responses.PropertyNames(responses).Order());
        Assert.EndsWith("/ClassificationResponse",
            responses.GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString());
        Assert.True(responses.GetProperty("422").GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    [Fact]
    public async Task Should_describe_the_models_answers_with_their_schemas()
    {
        var paths = (await OpenApiDocumentAsync()).GetProperty("paths");

        Assert.EndsWith("/ModelList", SchemaOf(paths.GetProperty("/v1/models").GetProperty("get")));
        var describe = paths.GetProperty("/v1/models/{name}").GetProperty("get");
        Assert.EndsWith("/ModelDetails", SchemaOf(describe));
        Assert.Equal(["200", "400", "401", "403", "404", "429"], Responses.PropertyNames(describe.GetProperty("responses")).Order());
    }

    [Theory]
    [InlineData(HealthCheckExtensions.LivePath)]
    [InlineData(HealthCheckExtensions.ReadyPath)]
    public async Task Should_answer_its_health_probes(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_answer_an_unknown_path_with_problem_details()
    {
        using var response = await _client.GetAsync("/v2/anything", TestContext.Current.CancellationToken);

        await Responses.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    private async Task<JsonElement> OpenApiDocumentAsync()
    {
        using var response = await _client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return await Responses.JsonAsync(response);
    }

    private static string? SchemaOf(JsonElement operation) =>
        operation.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json")
            .GetProperty("schema").GetProperty("$ref").GetString();
}
