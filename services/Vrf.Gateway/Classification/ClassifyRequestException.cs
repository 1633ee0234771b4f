namespace Vrf.Gateway.Classification;

/// <summary>A classify request the gateway refuses before anything is published; it becomes a problem details answer.</summary>
/// <param name="statusCode">400, 404, 409, 413 or 415.</param>
/// <param name="title">The problem's short, fixed summary.</param>
/// <param name="detail">What exactly was wrong with this request, in words the caller can act on.</param>
internal sealed class ClassifyRequestException(int statusCode, string title, string detail) : Exception(detail)
{
    public int StatusCode { get; } = statusCode;

    public string Title { get; } = title;
}
