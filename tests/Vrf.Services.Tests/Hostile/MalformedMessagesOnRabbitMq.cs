using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vrf.Client;
using Vrf.Services.Tests.Support;
using Vrf.Services.Tests.Support.Processes;
using Vrf.ServiceDefaults;

namespace Vrf.Services.Tests.Hostile;

/// <summary>
/// Every service in one process on a virtual host of the local RabbitMQ made for this run, over a ready model, and the
/// malformed messages of <see cref="MalformedMessages"/> published as raw bytes straight to each queue the services
/// consume, with a well-formed envelope of a type no consumer knows to each. Records, once everything has had time to
/// loop if it would, what each error and skipped queue holds, what is left in each queue, and the outcome of a normal
/// classify request sent afterwards.
/// </summary>
public sealed class MalformedMessagesOnRabbitMq : IAsyncLifetime
{
    /// <summary>The header that names a case, carried on into the error queue.</summary>
    public const string CaseHeader = "vrf-hostile-case";

    private static readonly TimeSpan TimeToLoop = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(60);

    private readonly ReadyStore _store = new();
    private BrokerVirtualHost? _broker;
    private IHost? _host;

    public IReadOnlyList<MalformedMessage> Sent { get; private set; } = [];

    /// <summary>One envelope of an unknown message type per queue.</summary>
    public IReadOnlyList<MalformedMessage> OfUnknownType { get; private set; } = [];

    /// <summary>What each queue's error queue held at the end, by queue.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<BrokerVirtualHost.TakenMessage>> ErrorQueues { get; private set; } =
        new Dictionary<string, IReadOnlyList<BrokerVirtualHost.TakenMessage>>();

    /// <summary>What each queue's skipped queue held at the end, by queue.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<BrokerVirtualHost.TakenMessage>> SkippedQueues { get; private set; } =
        new Dictionary<string, IReadOnlyList<BrokerVirtualHost.TakenMessage>>();

    /// <summary>Every queue of the virtual host at the end.</summary>
    public IReadOnlyDictionary<string, BrokerVirtualHost.QueueState> Queues { get; private set; } =
        new Dictionary<string, BrokerVirtualHost.QueueState>();

    public ClassificationOutcome? Before { get; private set; }

    public ClassificationOutcome? After { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var cancellation = TestContext.Current.CancellationToken;
        await _store.InitializeAsync();
        _broker = await BrokerVirtualHost.CreateAsync(cancellation);
        _host = ServicesHost(_store.Root, _broker.Options);
        await _host.StartAsync(cancellation);
        Before = await ClassifyAsync();

        var consumed = (await _broker.QueueStatesAsync(cancellation)).Keys
            .Where(queue => !queue.EndsWith("_error", StringComparison.Ordinal) && !queue.EndsWith("_skipped", StringComparison.Ordinal)
                && queue != ReplyQueue)
            .ToList();
        Sent =
        [
            .. consumed.SelectMany(MalformedMessages.NotMessages),
            .. MalformedMessages.ForEmbedding(),
            .. MalformedMessages.ForFailureIndex(_store.Ready),
            .. MalformedMessages.ForScorer(_store.Ready),
        ];
        OfUnknownType = [.. consumed.Select(MalformedMessages.OfUnknownType)];
        foreach (var message in Sent.Concat(OfUnknownType))
        {
            await _broker.PublishRawAsync(message.Queue, message.Id, message.Body,
                new Dictionary<string, object?> { [CaseHeader] = message.Id }, cancellation);
        }

        await WaitForErrorQueuesAsync(cancellation);
        await Task.Delay(TimeToLoop, cancellation);
        After = await ClassifyAsync();
        Queues = await _broker.QueueStatesAsync(cancellation);
        var errors = new Dictionary<string, IReadOnlyList<BrokerVirtualHost.TakenMessage>>();
        foreach (var queue in Sent.Select(message => message.Queue).Distinct())
        {
            errors[queue] = Queues.ContainsKey($"{queue}_error") ? await _broker.TakeMessagesAsync($"{queue}_error", cancellation) : [];
        }
        ErrorQueues = errors;
        var skipped = new Dictionary<string, IReadOnlyList<BrokerVirtualHost.TakenMessage>>();
        foreach (var queue in OfUnknownType.Select(message => message.Queue))
        {
            skipped[queue] = Queues.ContainsKey($"{queue}_skipped") ? await _broker.TakeMessagesAsync($"{queue}_skipped", cancellation) : [];
        }
        SkippedQueues = skipped;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.StopAsync(CancellationToken.None);
            _host.Dispose();
        }
        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
        await _store.DisposeAsync();
    }

    private string ReplyQueue => _host!.Services.GetRequiredService<ClassificationReplyAddress>().Value.AbsolutePath.Split('/')[^1];

    /// <summary>Waits until each queue's error and skipped queues hold as many messages as were sent to it, or a minute passed.</summary>
    private async Task WaitForErrorQueuesAsync(CancellationToken cancellation)
    {
        var expected = Sent.GroupBy(message => message.Queue).ToDictionary(group => $"{group.Key}_error", group => (long)group.Count());
        foreach (var message in OfUnknownType)
        {
            expected[$"{message.Queue}_skipped"] = 1;
        }
        var deadline = DateTime.UtcNow + ResultTimeout;
        while (DateTime.UtcNow < deadline)
        {
            var queues = await _broker!.QueueStatesAsync(cancellation);
            if (expected.All(pair => queues.TryGetValue(pair.Key, out var state) && state.Messages >= pair.Value))
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellation);
        }
    }

    private async Task<ClassificationOutcome> ClassifyAsync()
    {
        await using var scope = _host!.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClassificationClient>()
            .ClassifyAsync(Requests.Classify(QueryImages.Drawn(2, 7)), ResultTimeout, TestContext.Current.CancellationToken);
    }

    /// <summary>Every service of <see cref="ServiceCatalog.All"/> and a classification client, registered as the hosts
    /// register them, on the virtual host.</summary>
    private static IHost ServicesHost(string storeRoot, MessageBusOptions bus)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "Vrf.Services.Tests",
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ModelStore:Root"] = storeRoot, ["Inference:BatchSize"] = "4" });
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Critical);
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        builder.Services.AddServiceModules(builder.Configuration, ServiceCatalog.All, bus, registration => registration.AddClassificationClient());
        return builder.Build();
    }
}
