using System.Net;
using System.Net.Http.Json;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Hosting;

/// <summary>
/// The gateway behind Kestrel on 127.0.0.1 rather than the in-memory test server, so uploads cross a real connection
/// with Kestrel's own body limits in force. The pipeline is <see cref="CannedPipeline"/> on the in-memory bus.
/// </summary>
public sealed class When_the_gateway_serves_HTTP_on_Kestrel(KestrelGatewayApp app) : IClassFixture<KestrelGatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public void Should_listen_on_the_loopback_address()
    {
        Assert.NotNull(_client.BaseAddress);
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(_client.BaseAddress.Host)), _client.BaseAddress.ToString());
        Assert.NotEqual(0, _client.BaseAddress.Port);
    }

    [Fact]
    public async Task Should_classify_an_image_uploaded_as_a_form()
    {
        using var response = await _client.PostAsync("/v1/classify?model=tiny", Uploads.Form(CannedImages.Png),
            TestContext.Current.CancellationToken);

        var result = await Responses.JsonAsync(response);
        Assert.Equal(CannedImages.Png, app.Received.Get(result.GetProperty("requestId").GetGuid()).ImageBytes);
    }

    [Fact]
    public async Task Should_answer_413_to_a_chunked_image_over_the_limit()
    {
        using var content = new StreamContent(new UnknownLengthStream(new byte[GatewayApp.MaxImageBytes + 16 * 1024]));
        content.Headers.ContentType = new("application/octet-stream");

        using var response = await _client.PostAsync("/v1/classify?model=tiny", content, TestContext.Current.CancellationToken);

        await Responses.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Should_answer_413_to_a_retrain_body_larger_than_a_request_needs()
    {
        using var content = JsonContent.Create(new { model = "tiny", train = "/data/train", validation = "/data/val", padding = new string('x', 100 * 1024) });

        using var response = await _client.PostAsync("/v1/retrain", content, TestContext.Current.CancellationToken);

        await Responses.ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }
}
