using System.Net.Sockets;
using MassTransit;
using RabbitMQ.Client.Exceptions;

namespace Vrf.ServiceDefaults;

/// <summary>
/// Failures of the message transport rather than of the message: the broker cannot be reached, the connection or
/// channel closed under a consumer, a publish was not confirmed, or the endpoint stopped while the message ran. The
/// same message succeeds once the broker is back, so such a failure is never the message's fault: it is retried and
/// then returned to its queue, never moved to the error queue (<see cref="MessagePolicyExtensions"/>).
/// </summary>
public static class TransportFailures
{
    /// <summary>Whether <paramref name="exception"/> or an exception inside it is a transport failure.</summary>
    public static bool Includes(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Chain(exception).Any(IsTransportFailure);
    }

    /// <summary>Whether a message failed with a transport failure, or was cancelled because the endpoint that
    /// received it is stopping or lost its channel (<paramref name="receiveCancelled"/>).</summary>
    public static bool Includes(Exception exception, bool receiveCancelled) =>
        Includes(exception) || (receiveCancelled && Chain(exception).Any(inner => inner is OperationCanceledException));

    private static bool IsTransportFailure(Exception exception) =>
        exception is ConnectionException or TransportException or TransportUnavailableException
            or RabbitMQClientException or OperationInterruptedException or SocketException;

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        var pending = new Stack<Exception>([exception]);
        while (pending.TryPop(out var current))
        {
            yield return current;
            if (current is AggregateException aggregate)
            {
                aggregate.InnerExceptions.ToList().ForEach(pending.Push);
            }
            else if (current.InnerException is { } inner)
            {
                pending.Push(inner);
            }
        }
    }
}
