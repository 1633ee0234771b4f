using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Vrf.Gateway.Security;

namespace Vrf.Gateway.Tests.Support;

/// <summary>Two API keys, configured by their SHA-256 as an operator would: a client that may classify and an operator.</summary>
public static class TestKeys
{
    public const string Client = "client-5b0d3c1e9a7f4d2c8e6b1a0f3d5c7e9b";
    public const string Operator = "operator-2e4f6a8c0b1d3f5e7a9c2b4d6f8e0a1c";

    public const string ClientName = "web-shop";
    public const string OperatorName = "ml-team";

    /// <summary>Configures both keys, as <c>Gateway:ApiKeys</c> with their hashes and roles.</summary>
    public static void Configure(IWebHostBuilder builder)
    {
        Key(builder, 0, ClientName, Client, GatewayRoles.Classify);
        Key(builder, 1, OperatorName, Operator, GatewayRoles.Operate);
    }

    public static string Sha256(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A request with the key as <c>Authorization: Bearer</c>.</summary>
    public static HttpRequestMessage Bearer(HttpRequestMessage request, string key)
    {
        request.Headers.Authorization = new("Bearer", key);
        return request;
    }

    /// <summary>A request with the key as <c>X-Api-Key</c>.</summary>
    public static HttpRequestMessage Header(HttpRequestMessage request, string key)
    {
        request.Headers.Add(GatewaySchemes.ApiKeyHeader, key);
        return request;
    }

    private static void Key(IWebHostBuilder builder, int index, string name, string key, string role)
    {
        builder.UseSetting($"Gateway:ApiKeys:{index}:Name", name);
        builder.UseSetting($"Gateway:ApiKeys:{index}:Sha256", Sha256(key));
        builder.UseSetting($"Gateway:ApiKeys:{index}:Roles:0", role);
    }
}
