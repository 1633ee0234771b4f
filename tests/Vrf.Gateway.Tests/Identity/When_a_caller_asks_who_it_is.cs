using System.Net;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Identity;

/// <summary>
/// <c>GET /v1/identity</c> on a gateway with the two <see cref="TestKeys"/> and an issuer: each key's name and roles, a
/// token's subject and roles, 401 without credentials or with a key the gateway does not know. The console signs in
/// through it.
/// </summary>
public sealed class When_a_caller_asks_who_it_is(IssuerGatewayApp app) : IClassFixture<IssuerGatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_answer_401_as_problem_details_without_credentials()
    {
        using var response = await _client.GetAsync("/v1/identity", TestContext.Current.CancellationToken);

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("Authorization: Bearer", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Should_answer_401_to_a_key_it_does_not_know()
    {
        using var response = await SendAsync(TestKeys.Operator[..^1] + "0");

        var problem = await Responses.ProblemAsync(response, HttpStatusCode.Unauthorized);
        Assert.Contains("not one the gateway knows", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(TestKeys.Client, TestKeys.ClientName, "classify")]
    [InlineData(TestKeys.Operator, TestKeys.OperatorName, "operate")]
    public async Task Should_name_each_key_with_its_roles(string key, string name, string roles)
    {
        var identity = await Responses.JsonAsync(await SendAsync(key));

        Assert.Equal((name, roles, "api-key"), Identities.Of(identity));
    }

    [Fact]
    public async Task Should_name_a_token_by_its_subject_with_the_roles_of_its_claim()
    {
        var identity = await Responses.JsonAsync(await SendAsync(app.Issuer.Token("alice", ["classify", "operate"])));

        Assert.Equal(("alice", "classify,operate", "token"), Identities.Of(identity));
    }

    private Task<HttpResponseMessage> SendAsync(string credentials) =>
        _client.SendAsync(TestKeys.Bearer(new HttpRequestMessage(HttpMethod.Get, "/v1/identity"), credentials), TestContext.Current.CancellationToken);
}
