using System.Reflection;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Vrf.ServiceDefaults;
using Vrf.Serving.Failures;
using Vrf.Serving.Store;
using Vrf.Services;


namespace Vrf.Deploy.Tests.Support;

/// <summary>
/// What a service reads and consumes, taken from its own registration (its <see cref="ServiceModule"/> on its own bus,
/// as its host registers it), not from a list kept beside it: the options it binds from configuration, the variables
/// it reads outside them, and the queues its competing consumers share.
/// </summary>
public sealed class ServiceSurface
{
    /// <summary>How long the host waits for its background work to stop on SIGTERM (.NET's <c>HostOptions</c>, read
    /// from the host configuration); the fine-tuning service sets it so a job can hand itself back.</summary>
    public const string ShutdownTimeoutKey = "DOTNET_shutdownTimeoutSeconds";

    /// <summary>The variables a service reads by name rather than through an options section.</summary>
    public static IReadOnlySet<string> TopLevelKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        OpenTelemetryExtensions.OtlpEndpointKey,
        OpenTelemetryExtensions.ServiceNameKey,
        ModelStoreOptions.EnvironmentVariable,
        QdrantIndexOptions.UrlEnvironmentVariable,
        MessageBusOptions.AddressKey,
        ShutdownTimeoutKey,
    };

    private ServiceSurface(ServiceModule module, IReadOnlyList<BoundOptions> options, IReadOnlyList<string> workQueues)
    {
        Module = module;
        Options = options;
        WorkQueues = workQueues;
    }

    public ServiceModule Module { get; }

    public string Name => Module.Name;

    /// <summary>Every options class the service binds from configuration, with its section.</summary>
    public IReadOnlyList<BoundOptions> Options { get; }

    /// <summary>The shared queues its consumers take work from, which its replicas compete on: neither a replica's own
    /// temporary queue nor a queue of faults.</summary>
    public IReadOnlyList<string> WorkQueues { get; }

    public static ServiceSurface Of(ServiceModule module)
    {
        var services = Register(module, new ConfigurationBuilder().Build());
        var options = services
            .Select(descriptor => descriptor.ServiceType)
            .Where(type => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IOptionsChangeTokenSource<>))
            .Select(type => type.GetGenericArguments()[0])
            .Distinct()
            .Select(type => new BoundOptions(type, BoundOptions.SectionOf(type)))
            .OrderBy(bound => bound.Section, StringComparer.Ordinal)
            .ToList();
        using var provider = services.BuildServiceProvider();
        return new ServiceSurface(module, options, WorkQueuesOf(services, provider));
    }

    /// <summary>
    /// Whether the service reads the variable: a property path under one of its sections (<c>Bus__Host</c>,
    /// <c>FailureIndex__Qdrant__ShardNumber</c>) or one of the <see cref="TopLevelKeys"/>.
    /// </summary>
    public bool Reads(string variable) =>
        TopLevelKeys.Contains(variable) || Options.Any(bound => bound.HasPath(variable.Split("__")));

    /// <summary>Binds <paramref name="environment"/> as the host does (<c>__</c> separates sections) and asks for every
    /// options class the service binds, which runs the validation the service runs at start-up.</summary>
    /// <exception cref="OptionsValidationException">A value the service would refuse at start-up.</exception>
    public void Validate(IReadOnlyDictionary<string, string> environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(pair =>
                KeyValuePair.Create(pair.Key.Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal), (string?)pair.Value)))
            .Build();
        using var provider = Register(Module, configuration).BuildServiceProvider();
        foreach (var bound in Options)
        {
            var accessor = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(bound.Type));
            _ = accessor.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(accessor);
        }
    }

    private static ServiceCollection Register(ServiceModule module, IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration).AddLogging();
        services.AddServiceModules(configuration, [module]);
        return services;
    }

    /// <summary>The endpoint of every consumer the module registers that is neither a fault consumer nor temporary nor
    /// a process's own:
    /// an endpoint configured with the registration (<c>AddConsumer&lt;T&gt;().Endpoint(...)</c>, which MassTransit keeps
    /// as an <see cref="IEndpointDefinition{T}"/>), else the consumer's definition's.</summary>
    private static List<string> WorkQueuesOf(ServiceCollection services, IServiceProvider provider)
    {
        var registered = services
            .Select(descriptor => descriptor.ServiceType)
            .Where(type => type.IsGenericType
                && (type.GetGenericTypeDefinition() == typeof(IEndpointDefinition<>) || type.GetGenericTypeDefinition() == typeof(IConsumerDefinition<>)))
            .Distinct()
            .ToList();
        var consumers = registered.Select(type => type.GetGenericArguments()[0]).Where(type => type.IsAssignableTo(typeof(IConsumer))).Distinct();
        return [.. consumers
            .Where(consumer => !IsFaultConsumer(consumer))
            .Select(consumer => EndpointOf(consumer, registered, provider))
            .Where(endpoint => endpoint is { Temporary: false })
            .Select(endpoint => endpoint!.Value.Name)
            .Distinct()
            .Order(StringComparer.Ordinal)];
    }

    private static (string Name, bool Temporary)? EndpointOf(Type consumer, List<Type> registered, IServiceProvider provider)
    {
        var formatter = KebabCaseEndpointNameFormatter.Instance;
        var endpoint = typeof(IEndpointDefinition<>).MakeGenericType(consumer);
        if (registered.Contains(endpoint))
        {
            var configured = (IEndpointDefinition)provider.GetRequiredService(endpoint);
            return (configured.GetEndpointName(formatter), configured.IsTemporary || InstanceIdOf(configured) is not null);
        }
        var definition = typeof(IConsumerDefinition<>).MakeGenericType(consumer);
        if (!registered.Contains(definition))
        {
            return null;
        }
        var defined = (IConsumerDefinition)provider.GetRequiredService(definition);
        return (defined.GetEndpointName(formatter), IsTemporary(defined));
    }

    /// <summary>The instance id of a queue that is one process's own (<c>InstanceEndpoints</c>), not one its replicas
    /// share: MassTransit keeps the registration's settings in its endpoint definition, out of reach but by reflection.</summary>
    private static string? InstanceIdOf(IEndpointDefinition definition)
    {
        for (var type = definition.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsGenericType && field.FieldType.GetGenericTypeDefinition() == typeof(IEndpointSettings<>))
                {
                    var settings = field.GetValue(definition)!;
                    return (string?)field.FieldType.GetProperty(nameof(IEndpointSettings<IEndpointDefinition>.InstanceId))!.GetValue(settings);
                }
            }
        }
        throw new InvalidOperationException($"{definition.GetType()} keeps no endpoint settings: MassTransit changed how it registers endpoints.");
    }

    private static bool IsFaultConsumer(Type consumer) =>
        consumer.GetInterfaces().Any(contract => contract.IsGenericType && contract.GetGenericTypeDefinition() == typeof(IConsumer<>)
            && contract.GetGenericArguments()[0] is { IsGenericType: true } message && message.GetGenericTypeDefinition() == typeof(Fault<>));

    private static bool IsTemporary(IConsumerDefinition definition) =>
        definition.GetType().GetProperty(nameof(IConsumerDefinition<IConsumer>.EndpointDefinition), BindingFlags.Public | BindingFlags.Instance)
            ?.GetValue(definition) is IEndpointDefinition { IsTemporary: true };
}
