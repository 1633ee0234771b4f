using System.Text.Json.Serialization;
using MassTransit;

namespace Vrf.ServiceDefaults;

/// <summary>The consume policy every endpoint of every service shares.</summary>
public static class MessagePolicyExtensions
{
    private static readonly TimeSpan[] RetryIntervals =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>
    /// Retries a failed message three times (after 0.1, 0.5 and 2 s) unless the failure is one that no retry can fix
    /// (<see cref="UnprocessableMessageException"/> and the <see cref="BadInputExceptions"/>); then the message goes to the endpoint's <c>_error</c> queue with the
    /// reason in its fault headers and a <c>Fault</c> is published. Messages a consumer publishes or sends are held
    /// back until it succeeds (in-memory outbox), so a retried message does not publish its events twice.
    /// Numbers may be <c>Infinity</c> or <c>NaN</c> on the wire (the distance to an empty zero-shot failure set is +∞),
    /// which System.Text.Json refuses by default; the setting is MassTransit's serializer's, process-wide.
    /// Applied by <c>AddVrfMessageBus</c>; call it before <c>ConfigureEndpoints</c> when configuring a bus by hand
    /// (a test harness), and do not add another in-memory outbox in a consumer definition.
    /// </summary>
    public static void UseVrfMessagePolicy(this IBusFactoryConfigurator configurator, IRegistrationContext context)
    {
        configurator.UseMessageRetry(retry =>
        {
            retry.Ignore<UnprocessableMessageException>();
            retry.Ignore([.. BadInputExceptions.Types]);
            retry.Intervals(RetryIntervals);
        });
        configurator.UseInMemoryOutbox(context);
        configurator.ConfigureJsonSerializerOptions(options =>
        {
            options.NumberHandling |= JsonNumberHandling.AllowNamedFloatingPointLiterals;
            return options;
        });
    }
}
