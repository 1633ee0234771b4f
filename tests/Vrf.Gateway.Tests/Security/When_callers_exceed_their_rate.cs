using System.Net;
using Vrf.Gateway.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Gateway.Tests.Security;

/// <summary>
/// Each caller has its own two budgets (classify and model reads; everything else), so one caller over its limit
/// slows nobody else down and classifying does not use up operating. The tests' gateway allows two requests a minute
/// in each.
/// </summary>
public sealed class When_callers_exceed_their_rate(RateLimitedGatewayApp app) : IClassFixture<RateLimitedGatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_answer_429_with_Retry_After_past_the_limit_and_keep_other_budgets_and_callers_going()
    {
        for (var request = 0; request < RateLimitedGatewayApp.Permits; request++)
        {
            await Responses.JsonAsync(await GetAsync("/v1/models", TestKeys.Operator));
        }

        using var refused = await GetAsync("/v1/models", TestKeys.Operator);

        var problem = await Responses.ProblemAsync(refused, HttpStatusCode.TooManyRequests);
        Assert.Contains("Gateway:RateLimits", problem.GetProperty("detail").GetString());
        var retryAfter = refused.Headers.RetryAfter?.Delta;
        Assert.True(retryAfter is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {refused.Headers.RetryAfter}");
        await Responses.JsonAsync(await GetAsync("/v1/jobs", TestKeys.Operator));
        await Responses.JsonAsync(await GetAsync("/v1/models", TestKeys.Client));
        for (var probe = 0; probe < 2 * RateLimitedGatewayApp.Permits; probe++)
        {
            using var health = await _client.GetAsync(HealthCheckExtensions.LivePath, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
    }

    private Task<HttpResponseMessage> GetAsync(string path, string key) =>
        _client.SendAsync(TestKeys.Bearer(new HttpRequestMessage(HttpMethod.Get, path), key), TestContext.Current.CancellationToken);
}
