using System.Diagnostics;
using System.Net;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Classification;

/// <summary>
/// A gateway that waits one second (Gateway:ClassifyTimeoutSeconds) for a request that <see cref="CannedPipeline"/>
/// receives on the real in-memory bus but never answers, as when the scorer is down.
/// </summary>
public sealed class When_no_result_arrives_in_time(ImpatientGatewayApp app) : IClassFixture<ImpatientGatewayApp>
{
    [Fact]
    public async Task Should_answer_504_after_the_configured_timeout_with_the_request_id()
    {
        using var client = app.CreateClient();
        var waited = Stopwatch.StartNew();

        using var response = await client.PostAsync("/v1/classify?model=tiny", Uploads.Form(CannedImages.Unanswered),
            TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.InRange(waited.Elapsed, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
        Assert.Contains("no result within 1 s (Gateway:ClassifyTimeoutSeconds)", problem.GetProperty("detail").GetString());
        Assert.Equal(CannedImages.Unanswered, app.Received.Get(problem.GetProperty("requestId").GetGuid()).ImageBytes);
    }
}
