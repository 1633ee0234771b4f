using System.Text.Json.Serialization;
using MassTransit;
using MassTransit.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Vrf.ServiceDefaults;

/// <summary>The consume policy every endpoint of every service shares.</summary>
public static class MessagePolicyExtensions
{
    /// <summary>Retries of a message that failed for a reason a retry may fix (a bug or a passing fault of a
    /// dependency): three, then the error queue.</summary>
    private static readonly TimeSpan[] RetryIntervals =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>Retries of a message that failed because the broker went away (about half a minute in all); then it
    /// goes back to its queue.</summary>
    private static readonly TimeSpan[] TransportRetryIntervals =
        [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)];

    /// <summary>
    /// Three kinds of failure, three treatments:
    /// <list type="bullet">
    /// <item>Bad input (<see cref="UnprocessableMessageException"/> and the <see cref="BadInputExceptions"/>): never
    /// retried; the message goes to the endpoint's <c>_error</c> queue with the reason in its fault headers and a
    /// <c>Fault</c> is published.</item>
    /// <item>Transport failures (<see cref="TransportFailures"/>): retried after 1, 2, 4, 8 and 16 s; then the message
    /// goes back to its queue for redelivery (<see cref="UseTransportFailureRedelivery"/>), so a broker outage never
    /// fails or dead-letters a good message.</item>
    /// <item>Anything else: retried after 0.1, 0.5 and 2 s, then the error queue and a <c>Fault</c>.</item>
    /// </list>
    /// Messages a consumer publishes or sends are held back until it succeeds (in-memory outbox), so a retried message
    /// does not publish its events twice. Numbers may be <c>Infinity</c> or <c>NaN</c> on the wire (the distance to an
    /// empty zero-shot failure set is +∞), which System.Text.Json refuses by default; the setting is MassTransit's
    /// serializer's, process-wide. Applied by <c>AddVrfMessageBus</c>; call it before <c>ConfigureEndpoints</c> when
    /// configuring a bus by hand (a test harness), and do not add another in-memory outbox in a consumer definition.
    /// </summary>
    public static void UseVrfMessagePolicy(this IBusFactoryConfigurator configurator, IRegistrationContext context)
    {
        configurator.UseMessageRetry(retry =>
        {
            retry.Handle<Exception>(TransportFailures.Includes);
            retry.Intervals(TransportRetryIntervals);
        });
        configurator.UseMessageRetry(retry =>
        {
            retry.Ignore<UnprocessableMessageException>();
            retry.Ignore([.. BadInputExceptions.Types]);
            retry.Ignore<Exception>(TransportFailures.Includes);
            retry.Intervals(RetryIntervals);
        });
        configurator.UseInMemoryOutbox(context);
        configurator.ConfigureJsonSerializerOptions(options =>
        {
            options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
            return options;
        });
    }

    /// <summary>
    /// The error pipe of an endpoint: a message whose failure is a transport failure goes back to its queue
    /// (<see cref="ReturnTransportFailuresFilter"/>); any other failed message publishes its fault and moves to the
    /// <c>_error</c> queue, as MassTransit's default error pipe does. <c>AddVrfMessageBus</c> applies it to every
    /// endpoint it configures.
    /// </summary>
    public static void UseTransportFailureRedelivery(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var logger = context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ReturnTransportFailuresFilter).FullName!);
        endpoint.ConfigureError(error =>
        {
            error.UseFilter(new ReturnTransportFailuresFilter(logger));
            error.UseFilter(new GenerateFaultFilter());
            error.UseFilter(new ErrorTransportFilter());
        });
    }
}
