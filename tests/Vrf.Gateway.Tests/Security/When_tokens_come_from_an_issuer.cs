using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Security;

/// <summary>
/// With <c>Gateway:Jwt:Authority</c> the gateway accepts the issuer's access tokens, validated with the keys its
/// discovery document names (served by a <see cref="TestIssuer"/> inside the test): the roles claim decides what a
/// token may do, and a token for another audience, expired or signed by another key is refused. API keys keep working.
/// </summary>
public sealed class When_tokens_come_from_an_issuer(IssuerGatewayApp app) : IClassFixture<IssuerGatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_let_a_token_with_the_operate_role_retrain_after_reading_the_issuers_discovery_document()
    {
        using var response = await RetrainAsync(app.Issuer.Token("alice", ["operate"]));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(app.Issuer.MetadataRequests >= 1);
    }

    [Fact]
    public async Task Should_let_a_token_with_the_classify_role_read_the_models_but_not_retrain()
    {
        var token = app.Issuer.Token("shop-backend", ["classify"]);

        await Responses.JsonAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/models"), token));
        var problem = await Responses.ProblemAsync(await RetrainAsync(token), HttpStatusCode.Forbidden);
        Assert.Contains("shop-backend", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_403_to_a_token_without_a_role_of_the_gateway()
    {
        var token = app.Issuer.Token("someone", ["admin"]);

        await Responses.ProblemAsync(await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/v1/models"), token), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_refuse_a_token_for_another_audience_an_expired_one_and_one_signed_by_another_key()
    {
        using var otherKey = RSA.Create(2048);
        string[] tokens =
        [
            app.Issuer.Token("alice", ["operate"], audience: "another-api"),
            app.Issuer.Token("alice", ["operate"], lifetime: TimeSpan.FromMinutes(-30)),
            app.Issuer.Token("alice", ["operate"], signedWith: new RsaSecurityKey(otherKey) { KeyId = "test-key-1" }),
        ];

        foreach (var token in tokens)
        {
            var problem = await Responses.ProblemAsync(await RetrainAsync(token), HttpStatusCode.Unauthorized);
            Assert.Contains("bearer token was refused", problem.GetProperty("detail").GetString());
        }
    }

    [Fact]
    public async Task Should_still_accept_its_api_keys()
    {
        using var response = await RetrainAsync(TestKeys.Operator);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    private Task<HttpResponseMessage> RetrainAsync(string credential) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, "/v1/retrain")
        {
            Content = JsonContent.Create(new { model = "tiny", train = "/data/train", validation = "/data/val" }),
        }, credential);

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string credential) =>
        _client.SendAsync(TestKeys.Bearer(request, credential), TestContext.Current.CancellationToken);
}
