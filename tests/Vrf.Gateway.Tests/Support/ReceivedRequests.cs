using System.Collections.Concurrent;
using Vrf.Contracts;

namespace Vrf.Gateway.Tests.Support;

/// <summary>The classify requests the gateway published, as <see cref="CannedPipeline"/> received them.</summary>
public sealed class ReceivedRequests
{
    private readonly ConcurrentDictionary<Guid, ClassifyImage> _requests = new();

    public void Add(ClassifyImage request) => _requests[request.RequestId] = request;

    /// <summary>The request the gateway published under <paramref name="requestId"/>: it was received before its result
    /// was published, so before the gateway answered.</summary>
    public ClassifyImage Get(Guid requestId) =>
        _requests.TryGetValue(requestId, out var request)
            ? request
            : throw new InvalidOperationException($"The pipeline received no request {requestId}.");
}
