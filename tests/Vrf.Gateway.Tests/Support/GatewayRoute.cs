using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Gateway.Security;

namespace Vrf.Gateway.Tests.Support;

/// <summary>
/// Every route the gateway maps, read from its own endpoint data source rather than from a list kept beside it, with a
/// path to call it by (route parameters filled in) and the policy it is under: a route added later is covered too.
/// </summary>
public sealed partial record GatewayRoute(string Method, string Path, bool IsAnonymous, bool IsClassify)
{
    /// <summary>Neither anonymous nor a classify route: an operator's (by its policy, or by the fallback policy).</summary>
    public bool IsOperate => !IsAnonymous && !IsClassify;

    public HttpRequestMessage Request() => new(new HttpMethod(Method), Path);

    public override string ToString() => $"{Method} {Path}";

    public static IReadOnlyList<GatewayRoute> Of(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new GatewayRoute(
                method,
                Parameter().Replace(PathOf(endpoint), Sample),
                endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null,
                endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(data => data.Policy == GatewayPolicies.Classify))))
            .OrderBy(route => route.Path, StringComparer.Ordinal)
            .ThenBy(route => route.Method, StringComparer.Ordinal)];

    /// <summary>The endpoint's route from the root, without the trailing slash a group's "/" leaves.</summary>
    private static string PathOf(RouteEndpoint endpoint) => $"/{endpoint.RoutePattern.RawText!.Trim('/')}";

    /// <summary>A value for a route parameter: a new id, the OpenAPI document's name, version 1, or the test store's model.</summary>
    private static string Sample(Match parameter) =>
        parameter.Groups["constraint"].Value == "guid" ? Guid.NewGuid().ToString()
        : parameter.Groups["name"].Value == "documentName" ? "v1"
        : parameter.Groups["constraint"].Value.StartsWith("int", StringComparison.Ordinal) ? "1"
        : "tiny";

    [GeneratedRegex(@"\{(?<name>[^}:]+)(:(?<constraint>[^}]+))?\}")]
    private static partial Regex Parameter();
}
