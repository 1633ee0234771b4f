using System.Net;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Drift;

/// <summary><c>GET /v1/models/{name}/drift</c>: the monitor's answer over the bus (see <see cref="CannedMonitor"/>), in the
/// issue's shape, and a problem for every answer that is not a monitored window.</summary>
public sealed class When_a_model_s_drift_is_asked_for(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_answer_the_current_version_s_window_with_the_alarm_and_every_statistic_in_snake_case()
    {
        using var response = await _client.GetAsync("/v1/models/tiny/drift", TestContext.Current.CancellationToken);

        var drift = await Responses.JsonAsync(response);
        var expected = CannedMonitor.Raised;
        Assert.Equal(["model", "version", "alarm", "since", "window", "statistics"], Responses.PropertyNames(drift));
        Assert.Equal((expected.ModelName, expected.ModelVersion, true, expected.Since),
            (drift.GetProperty("model").GetString(), drift.GetProperty("version").GetInt32(), drift.GetProperty("alarm").GetBoolean(),
             drift.GetProperty("since").GetDateTimeOffset()));
        var window = drift.GetProperty("window");
        Assert.Equal(["size", "from", "to"], Responses.PropertyNames(window));
        Assert.Equal((expected.Window.Size, expected.Window.From, expected.Window.To),
            (window.GetProperty("size").GetInt32(), window.GetProperty("from").GetDateTimeOffset(), window.GetProperty("to").GetDateTimeOffset()));
        var statistics = drift.GetProperty("statistics");
        Assert.Equal(["share_above_p95", "binomial_p", "ks", "ks_p", "mean_omega", "disagreement", "class_chi2_p"], Responses.PropertyNames(statistics));
        var values = expected.Statistics;
        Assert.Equal(
            [values.ShareAboveP95, values.BinomialP, values.Ks, values.KsP, values.MeanOmega, values.Disagreement, values.ClassChiSquaredP],
            statistics.EnumerateObject().Select(property => (double?)property.Value.GetDouble()));
    }

    [Fact]
    public async Task Should_ask_for_the_version_in_the_query()
    {
        using var response = await _client.GetAsync("/v1/models/tiny/drift?version=2", TestContext.Current.CancellationToken);

        Assert.Equal(2, (await Responses.JsonAsync(response)).GetProperty("version").GetInt32());
    }

    [Theory]
    [InlineData("/v1/models/Not%20A%20Name/drift", HttpStatusCode.BadRequest, "cannot be a model's name")]
    [InlineData("/v1/models/tiny/drift?version=0", HttpStatusCode.BadRequest, "a version is 1 or more")]
    [InlineData("/v1/models/nothing/drift", HttpStatusCode.NotFound, "has no model 'nothing'")]
    [InlineData("/v1/models/tiny/drift?version=7", HttpStatusCode.NotFound, "has no version 7")]
    [InlineData("/v1/models/pending/drift", HttpStatusCode.Conflict, "has no ready version")]
    [InlineData("/v1/models/tiny/drift?version=1", HttpStatusCode.Conflict, CannedMonitor.NotMonitoredReason)]
    public async Task Should_answer_a_problem_that_says_why_there_is_no_window(string path, HttpStatusCode status, string detail)
    {
        using var response = await _client.GetAsync(path, TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, status);
        Assert.Contains(detail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
