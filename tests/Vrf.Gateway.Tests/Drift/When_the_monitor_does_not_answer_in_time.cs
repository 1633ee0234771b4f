using System.Diagnostics;
using System.Net;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Drift;

/// <summary>
/// A gateway that waits one second (Gateway:DriftTimeoutSeconds) for the monitor, asked about the model that
/// <see cref="CannedMonitor"/> never answers for, as when no monitor runs on the bus.
/// </summary>
public sealed class When_the_monitor_does_not_answer_in_time(ImpatientGatewayApp app) : IClassFixture<ImpatientGatewayApp>
{
    [Fact]
    public async Task Should_answer_503_after_the_configured_timeout()
    {
        using var client = app.CreateClient();
        var waited = Stopwatch.StartNew();

        using var response = await client.GetAsync($"/v1/models/{CannedMonitor.SilentModel}/drift", TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Contains("The monitor service did not answer within 1 s", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
