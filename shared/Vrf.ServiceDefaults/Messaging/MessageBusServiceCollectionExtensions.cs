using System.ComponentModel.DataAnnotations;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Vrf.ServiceDefaults;

/// <summary>Registers the project's MassTransit bus, for worker services (generic host) and web applications alike.</summary>
public static class MessageBusServiceCollectionExtensions
{
    /// <summary>
    /// Adds the bus described by the configuration section <c>Bus</c> (<see cref="MessageBusOptions"/>, validated at
    /// start-up; its TLS certificates in <c>Bus:Tls</c>), with the consumers <paramref name="registerConsumers"/> adds.
    /// </summary>
    public static IServiceCollection AddVrfMessageBus(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        services.AddOptions<MessageBusOptions>()
            .BindConfiguration(MessageBusOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        var transport = configuration.GetSection(MessageBusOptions.SectionName)
            .GetValue(nameof(MessageBusOptions.Transport), MessageBusTransport.RabbitMq);
        return services.AddMessageBus(transport, registerConsumers);
    }

    /// <summary>
    /// Adds the bus <paramref name="options"/> describe (for example <see cref="MessageBusOptions.Parse"/> of the
    /// CLI's <c>--bus</c>), with the consumers <paramref name="registerConsumers"/> adds.
    /// </summary>
    /// <exception cref="ValidationException">The options are not valid.</exception>
    public static IServiceCollection AddVrfMessageBus(this IServiceCollection services, MessageBusOptions options,
        Action<IBusRegistrationConfigurator>? registerConsumers = null)
    {
        Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
        services.AddSingleton(Options.Create(options));
        return services.AddMessageBus(options.Transport, registerConsumers);
    }

    /// <summary>
    /// How long a receive endpoint that stops (the host shuts down, or its channel closed under it) lets the messages
    /// in flight finish before it cancels them; and how long it waits in all before it counts as stopped and, when the
    /// broker is back, starts again. Without a bound, one delivery that never ends (RabbitMQ.Client 7.2 can leave a
    /// confirmed publish waiting forever when the connection drops at the wrong moment) keeps the endpoint down for good.
    /// A cancelled message goes back to its queue (<see cref="ReturnTransportFailuresFilter"/>).
    /// </summary>
    public static readonly TimeSpan ConsumerStopTimeout = TimeSpan.FromSeconds(20);

    /// <inheritdoc cref="ConsumerStopTimeout"/>
    public static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private static IServiceCollection AddMessageBus(this IServiceCollection services, MessageBusTransport transport,
        Action<IBusRegistrationConfigurator>? registerConsumers)
    {
        services.AddOptions<BusTlsOptions>().BindConfiguration(BusTlsOptions.SectionName);
        services.AddMetrics();
        services.TryAddSingleton<QueueWaits>();
        services.AddOptions<MassTransitHostOptions>().Configure(host =>
        {
            host.StopTimeout ??= StopTimeout;
            host.ConsumerStopTimeout ??= host.StopTimeout < ConsumerStopTimeout ? host.StopTimeout : ConsumerStopTimeout;
        });
        return services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            bus.DisableUsageTelemetry();
            bus.AddConfigureEndpointsCallback((context, _, endpoint) => endpoint.UseTransportFailureRedelivery(context));
            registerConsumers?.Invoke(bus);

            if (transport == MessageBusTransport.InMemory)
            {
                bus.UsingInMemory((context, configurator) =>
                {
                    LogBusAddress(context, BusOptions(context));
                    configurator.UseVrfMessagePolicy(context);
                    configurator.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingRabbitMq((context, configurator) =>
                {
                    var options = BusOptions(context);
                    LogBusAddress(context, options);
                    configurator.Host(options.Host, (ushort)options.Port, options.VirtualHost, host =>
                    {
                        host.Username(options.Username);
                        host.Password(options.Password);
                        // The broker confirms every publish once it holds the message (on disk, for the persistent
                        // messages of durable queues): a publish that is not confirmed fails and is retried.
                        host.PublisherConfirmation = true;
                        if (options.UseTls)
                        {
                            var tls = context.GetRequiredService<IOptions<BusTlsOptions>>().Value;
                            host.UseSsl(ssl => BrokerTls.Configure(ssl, options.Host, tls));
                        }
                    });
                    if (options.DeclareWorkQueues)
                    {
                        configurator.DeclareWorkQueues();
                    }
                    configurator.UseVrfMessagePolicy(context);
                    configurator.ConfigureEndpoints(context);
                });
            }
        });
    }

    private static MessageBusOptions BusOptions(IBusRegistrationContext context) =>
        context.GetRequiredService<IOptions<MessageBusOptions>>().Value;

    private static void LogBusAddress(IBusRegistrationContext context, MessageBusOptions options)
    {
        var logger = context.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(MessageBusOptions).Namespace!);
        MessageBusLog.UsingBus(logger, options.ToString());
    }
}
