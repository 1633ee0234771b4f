using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Identity;

/// <summary><c>GET /v1/identity</c> where the gateway allows anonymous use: a caller without credentials is
/// <c>anonymous</c> with every role, which is what the console then offers.</summary>
public sealed class When_an_anonymous_caller_asks_who_it_is(GatewayApp app) : IClassFixture<GatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_be_anonymous_with_every_role()
    {
        using var response = await _client.GetAsync("/v1/identity", TestContext.Current.CancellationToken);

        Assert.Equal(("anonymous", "classify,operate", "anonymous"), Identities.Of(await Responses.JsonAsync(response)));
    }
}
