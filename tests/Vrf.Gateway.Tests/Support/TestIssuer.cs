using System.Net;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Vrf.Gateway.Tests.Support;

/// <summary>
/// An OpenID Connect issuer inside the test: it serves its discovery document and its signing key (JWKS) to whoever
/// asks through <see cref="Handler"/>, and signs access tokens with that key (RS256). Nothing leaves the process.
/// </summary>
public sealed class TestIssuer : IDisposable
{
    public const string Authority = "https://issuer.test/realms/vrf";
    public const string Audience = "vrf-gateway";
    public const string RoleClaim = "roles";

    private readonly RSA _key = RSA.Create(2048);
    private readonly RsaSecurityKey _signingKey;
    private int _metadataRequests;

    public TestIssuer()
    {
        _signingKey = new RsaSecurityKey(_key) { KeyId = "test-key-1" };
        Handler = new IssuerHandler(this);
    }

    /// <summary>Answers the gateway's requests for the discovery document and the keys.</summary>
    public HttpMessageHandler Handler { get; }

    /// <summary>How many times the discovery document was asked for.</summary>
    public int MetadataRequests => Volatile.Read(ref _metadataRequests);

    /// <summary>A signed access token for <paramref name="subject"/> with <paramref name="roles"/>.</summary>
    public string Token(string subject, string[] roles, string audience = Audience, TimeSpan? lifetime = null, SecurityKey? signedWith = null)
    {
        var now = DateTime.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(5));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Authority,
            Audience = audience,
            IssuedAt = expires < now ? expires.AddMinutes(-10) : now,
            NotBefore = expires < now ? expires.AddMinutes(-10) : now,
            Expires = expires,
            Subject = new ClaimsIdentity([new Claim("sub", subject)]),
            Claims = new Dictionary<string, object> { [RoleClaim] = roles },
            SigningCredentials = new SigningCredentials(signedWith ?? _signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public void Dispose() => _key.Dispose();

    private string Discovery() => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["issuer"] = Authority,
        ["jwks_uri"] = $"{Authority}/protocol/openid-connect/certs",
        ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
    });

    private string Keys()
    {
        var parameters = _key.ExportParameters(includePrivateParameters: false);
        return JsonSerializer.Serialize(new
        {
            keys = new[]
            {
                new
                {
                    kty = "RSA",
                    use = "sig",
                    alg = "RS256",
                    kid = _signingKey.KeyId,
                    n = Base64UrlEncoder.Encode(parameters.Modulus),
                    e = Base64UrlEncoder.Encode(parameters.Exponent),
                },
            },
        });
    }

    private sealed class IssuerHandler(TestIssuer issuer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var path = request.RequestUri!.AbsoluteUri;
            string? body = null;
            if (path == $"{Authority}/.well-known/openid-configuration")
            {
                Interlocked.Increment(ref issuer._metadataRequests);
                body = issuer.Discovery();
            }
            else if (path == $"{Authority}/protocol/openid-connect/certs")
            {
                body = issuer.Keys();
            }
            return Task.FromResult(body is null
                ? new HttpResponseMessage(HttpStatusCode.NotFound)
                : new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") });
        }
    }
}
