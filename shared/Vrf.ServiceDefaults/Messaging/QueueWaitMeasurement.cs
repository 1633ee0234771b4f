using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Vrf.ServiceDefaults;

/// <summary>Measures how long the messages of a receive endpoint waited in its queue (<see cref="QueueWaits"/>).</summary>
public static class QueueWaitMeasurement
{
    /// <summary>Records the queue wait of every message the endpoint consumes, under the queue's name
    /// <paramref name="queue"/>; a message retried in memory counts once, a redelivered one again (it waited again).</summary>
    public static void MeasureQueueWait(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, string queue)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        endpoint.UseFilter(new QueueWaitFilter(context.GetRequiredService<QueueWaits>(), queue, TimeProvider.System));
    }

    private sealed class QueueWaitFilter(QueueWaits waits, string queue, TimeProvider clock) : IFilter<ConsumeContext>
    {
        public Task Send(ConsumeContext context, IPipe<ConsumeContext> next)
        {
            if (context.SentTime is { } sent && context.GetRetryAttempt() == 0)
            {
                waits.Record(queue, sent, clock.GetUtcNow());
            }
            return next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("queueWait");
    }
}
