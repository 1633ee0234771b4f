using System.Text;

namespace Vrf.Gateway.Tests.Support.OpenApi;

/// <summary>One request made from the OpenAPI document: the operation it exercises and what varies in it.</summary>
/// <param name="Operation">The documented operation, for example <c>post /v1/classify</c>.</param>
/// <param name="Variation">What this request changes from a valid one, for messages.</param>
/// <param name="Body">Makes the body (a fresh one per send); null for none.</param>
public sealed record GeneratedRequest(string Operation, string Method, string Path, string Variation, Func<HttpContent>? Body = null)
{
    public HttpRequestMessage ToMessage() => new(new HttpMethod(Method), Path) { Content = Body?.Invoke() };

    public override string ToString() => $"{Method.ToUpperInvariant()} {Path} ({Variation})";

    /// <summary>A body of raw bytes with a content type (none when null).</summary>
    public static Func<HttpContent> Raw(byte[] bytes, string? contentType) => () =>
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            // Unvalidated: some variations send a content type that is not one ("bogus").
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }
        return content;
    };

    /// <summary>A JSON body, given as text so that it may be malformed.</summary>
    public static Func<HttpContent> Json(string json, string contentType = "application/json") => Raw(Encoding.UTF8.GetBytes(json), contentType);
}
