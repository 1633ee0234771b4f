using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Vrf.Contracts;
using Vrf.Gateway.Security;
using Vrf.Gateway.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Gateway.Tests.Security;

/// <summary>
/// A gateway with API keys and no anonymous use: every route it maps (taken from its endpoints, so a route added later
/// is covered) answers 401 without credentials and 403 to a key without its role, as problem details, while the
/// health probes and the OpenAPI document stay open.
/// </summary>
public sealed partial class When_a_caller_is_not_authorized(SecuredGatewayApp app) : IClassFixture<SecuredGatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_answer_401_with_problem_details_on_every_route_without_credentials()
    {
        var routes = GatewayRoute.Of(app.Services).Where(route => !route.IsAnonymous).ToList();
        Assert.Contains(routes, route => route.ToString() == "POST /v1/retrain");

        foreach (var route in routes)
        {
            using var response = await _client.SendAsync(route.Request(), TestContext.Current.CancellationToken);

            var problem = await Responses.ProblemAsync(response, HttpStatusCode.Unauthorized);
            Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString());
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
    }

    [Fact]
    public async Task Should_answer_403_with_problem_details_on_every_operating_route_to_a_classify_key()
    {
        var operating = GatewayRoute.Of(app.Services).Where(route => route.IsOperate).ToList();
        Assert.Equal(["GET /v1/events", "GET /v1/jobs", "GET /v1/jobs/{id}", "POST /v1/jobs/{id}/cancel", "POST /v1/models/tiny/versions/1/promote",
                "POST /v1/models/tiny/versions/1/retire", "POST /v1/retrain"],
            operating.Select(route => $"{route.Method} {Guids().Replace(route.Path, "{id}")}").Order(StringComparer.Ordinal));

        foreach (var route in operating)
        {
            using var response = await _client.SendAsync(TestKeys.Bearer(route.Request(), TestKeys.Client), TestContext.Current.CancellationToken);

            var problem = await Responses.ProblemAsync(response, HttpStatusCode.Forbidden);
            Assert.Contains($"'{GatewayRoles.Operate}'", problem.GetProperty("detail").GetString());
            Assert.Contains(TestKeys.ClientName, problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Should_not_publish_a_retrain_sent_with_a_classify_key()
    {
        var before = app.PublishedRetrains;
        using var request = TestKeys.Header(new HttpRequestMessage(HttpMethod.Post, "/v1/retrain")
        {
            Content = JsonContent.Create(new { model = "tiny", train = "/data/train", validation = "/data/val" }),
        }, TestKeys.Client);

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        await Responses.ProblemAsync(response, HttpStatusCode.Forbidden);
        Assert.Equal(before, app.PublishedRetrains);
    }

    [Fact]
    public async Task Should_let_an_operate_key_retrain()
    {
        using var request = TestKeys.Bearer(new HttpRequestMessage(HttpMethod.Post, "/v1/retrain")
        {
            Content = JsonContent.Create(new { model = "tiny", train = "/data/train", validation = "/data/val" }),
        }, TestKeys.Operator);

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData(TestKeys.Client)]
    [InlineData(TestKeys.Operator)]
    public async Task Should_let_a_classify_or_operate_key_classify_and_read_the_models_in_either_header(string key)
    {
        using var classify = TestKeys.Header(new HttpRequestMessage(HttpMethod.Post, "/v1/classify?model=tiny") { Content = Uploads.Form(CannedImages.Png) }, key);
        using var models = TestKeys.Bearer(new HttpRequestMessage(HttpMethod.Get, "/v1/models/tiny"), key);

        using var classified = await _client.SendAsync(classify, TestContext.Current.CancellationToken);
        using var described = await _client.SendAsync(models, TestContext.Current.CancellationToken);

        await Responses.JsonAsync(classified);
        await Responses.JsonAsync(described);
    }

    [Theory]
    [InlineData("Bearer")]
    [InlineData("X-Api-Key")]
    public async Task Should_answer_401_to_a_key_it_does_not_know(string header)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/models");
        var guess = TestKeys.Client[..^1] + "0";
        _ = header == "Bearer" ? TestKeys.Bearer(request, guess) : TestKeys.Header(request, guess);

        using var response = await _client.SendAsync(request, TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not one the gateway knows", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(HealthCheckExtensions.LivePath)]
    [InlineData(HealthCheckExtensions.ReadyPath)]
    [InlineData("/openapi/v1.json")]
    public async Task Should_keep_the_health_probes_and_the_OpenAPI_document_open(string path)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(GatewayRoute.Of(app.Services), route => route.Path == path && route.IsAnonymous);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guids();
}
