using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;

namespace Vrf.WebConsole.Tests.Support;

/// <summary>An API key of the test site: who holds it, the key itself and its one role.</summary>
public sealed record ConsoleKey(string Name, string Secret, string Role)
{
    /// <summary>The key's SHA-256 in hexadecimal, as <c>Gateway:ApiKeys:N:Sha256</c> holds it.</summary>
    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));

    /// <summary>A client of the site's API that sends the key as <c>Authorization: Bearer</c>.</summary>
    public HttpClient Client(Uri site) =>
        new() { BaseAddress = site, DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", Secret) } };
}

/// <summary>The two keys the test site's gateway accepts (and nothing without a key): one that may classify, one that may
/// operate.</summary>
public static class ConsoleKeys
{
    public static ConsoleKey Classify { get; } = new("shop-frontend", "classify-3f9a1c7e5b2d4f6a8c0e2b4d6f8a1c3e", "classify");

    public static ConsoleKey Operate { get; } = new("ml-team", "operate-8d2b6f0a4c9e1d3b5f7a9c2e4b6d8f0a", "operate");

    public static IReadOnlyList<ConsoleKey> All { get; } = [Classify, Operate];

    /// <summary>The gateway's settings for the keys: <c>Gateway:ApiKeys:N:Name</c>, <c>…:Sha256</c>, <c>…:Roles:0</c>.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings() =>
        All.SelectMany((key, index) => new KeyValuePair<string, string?>[]
        {
            new($"Gateway:ApiKeys:{index}:Name", key.Name),
            new($"Gateway:ApiKeys:{index}:Sha256", key.Sha256),
            new($"Gateway:ApiKeys:{index}:Roles:0", key.Role),
        });
}
