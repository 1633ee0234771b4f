using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Models;

/// <summary>A gateway whose model store folder does not exist yet, as on a fresh volume.</summary>
public sealed class When_the_store_is_empty(EmptyStoreGatewayApp app) : IClassFixture<EmptyStoreGatewayApp>
{
    [Fact]
    public async Task Should_list_no_models()
    {
        using var client = app.CreateClient();

        using var response = await client.GetAsync("/v1/models", TestContext.Current.CancellationToken);

        Assert.Equal(0, (await Responses.JsonAsync(response)).GetProperty("models").GetArrayLength());
    }
}
