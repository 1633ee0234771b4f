namespace Vrf.Gateway.Tests.Support.OpenApi;

/// <summary>
/// What a generated request starts from before it varies one thing: a valid value for each path and required query
/// parameter, a valid JSON body per operation, and the binary payloads an upload may carry.
/// </summary>
/// <param name="PathValues">Valid values of path parameters, by name.</param>
/// <param name="QueryValues">Valid values of required query parameters, by name.</param>
/// <param name="JsonBodies">A valid JSON body, by operation (for example <c>post /v1/retrain</c>).</param>
/// <param name="Payloads">Files to upload, by a name for messages.</param>
public sealed record RequestSamples(
    IReadOnlyDictionary<string, string> PathValues,
    IReadOnlyDictionary<string, string> QueryValues,
    IReadOnlyDictionary<string, string> JsonBodies,
    IReadOnlyDictionary<string, byte[]> Payloads);
