using System.Collections.Concurrent;

namespace Vrf.Messaging.Tests.Support;

/// <summary>How many times a consumer was handed each request, redeliveries and retries included.</summary>
public sealed class ConsumeAttempts
{
    private readonly ConcurrentDictionary<Guid, int> _attempts = new();

    public int Record(Guid requestId) => _attempts.AddOrUpdate(requestId, 1, (_, count) => count + 1);

    public int Of(Guid requestId) => _attempts.GetValueOrDefault(requestId);
}
