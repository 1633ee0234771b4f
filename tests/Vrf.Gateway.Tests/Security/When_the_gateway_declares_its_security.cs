using System.Text.Json;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Security;

/// <summary>The OpenAPI document says how to authenticate and which roles each operation needs.</summary>
public sealed class When_the_gateway_declares_its_security(IssuerGatewayApp app) : IClassFixture<IssuerGatewayApp>
{
    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_declare_the_api_key_bearer_and_issuer_schemes()
    {
        var schemes = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes");

        Assert.Equal(("apiKey", "header", "X-Api-Key"),
            (schemes.GetProperty("apiKey").GetProperty("type").GetString(), schemes.GetProperty("apiKey").GetProperty("in").GetString(),
                schemes.GetProperty("apiKey").GetProperty("name").GetString()));
        Assert.Equal(("http", "bearer"),
            (schemes.GetProperty("bearer").GetProperty("type").GetString(), schemes.GetProperty("bearer").GetProperty("scheme").GetString()));
        Assert.Equal($"{TestIssuer.Authority}/.well-known/openid-configuration",
            schemes.GetProperty("openIdConnect").GetProperty("openIdConnectUrl").GetString());
    }

    [Fact]
    public async Task Should_name_the_roles_of_every_operation_and_its_401_403_and_429()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var operations = paths.EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Name: $"{operation.Name.ToUpperInvariant()} {path.Name}", operation.Value)))
            .ToList();

        Assert.NotEmpty(operations);
        foreach (var (name, operation) in operations)
        {
            var requirements = operation.GetProperty("security").EnumerateArray().ToList();
            Assert.Equal((name, 3), (name, requirements.Count));
            var roles = requirements.Select(requirement => string.Join(",", requirement.EnumerateObject().Single().Value.EnumerateArray().Select(role => role.GetString())))
                .Distinct().Single();
            var expected = name is "POST /v1/classify" or "GET /v1/identity" || name.StartsWith("GET /v1/models", StringComparison.Ordinal) ? "classify,operate" : "operate";
            Assert.Equal((name, expected), (name, roles));
            Assert.Superset(new HashSet<string> { "401", "403", "429" }, Responses.PropertyNames(operation.GetProperty("responses")).ToHashSet());
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var response = await _client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return await Responses.JsonAsync(response);
    }
}
