using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.ServiceDefaults;

namespace Vrf.Services.Tests.Support.Processes;

/// <summary>
/// One more process on the services' bus, as a gateway replica or a CLI run would be: a classification client of its
/// own, optionally a subscriber of every <see cref="ImageClassified"/> (as a monitor is), and a count of every
/// classification outcome its process consumes, whichever queue it came through.
/// </summary>
public sealed class ObservedClient : IAsyncDisposable, IConsumeObserver
{
    private static readonly TimeSpan ResultTimeout = TimeSpan.FromSeconds(90);

    private readonly IHost _host;
    private int _consumed;

    private ObservedClient(MessageBusOptions bus, bool subscribe)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        builder.Services.AddConsumeObserver(_ => this);
        builder.Services.AddVrfMessageBus(bus, registration =>
        {
            registration.AddClassificationClient();
            if (subscribe)
            {
                registration.AddEventInbox("results-subscriber", typeof(ImageClassified));
            }
        });
        _host = builder.Build();
    }

    /// <summary>The <see cref="ImageClassified"/> messages this process has consumed so far.</summary>
    public int ResultsConsumed => Volatile.Read(ref _consumed);

    /// <summary>The results a subscriber received, in arrival order (empty for a client that does not subscribe).</summary>
    public IReadOnlyList<ImageClassified> SubscribedResults()
    {
        var inbox = _host.Services.GetService<EventInbox>();
        var results = new List<ImageClassified>();
        while (inbox is not null && inbox.Reader.TryRead(out var message))
        {
            results.Add((ImageClassified)message);
        }
        return results;
    }

    /// <param name="subscribe">Also subscribe to every published result, as a monitor does.</param>
    public static async Task<ObservedClient> StartAsync(MessageBusOptions bus, bool subscribe = false)
    {
        var client = new ObservedClient(bus, subscribe);
        await client._host.StartAsync(TestContext.Current.CancellationToken);
        return client;
    }

    public async Task<ClassificationOutcome> ClassifyAsync(ClassifyImage request)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ClassificationClient>()
            .ClassifyAsync(request, ResultTimeout, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync(CancellationToken.None);
        _host.Dispose();
    }

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (context.Message is ImageClassified)
        {
            Interlocked.Increment(ref _consumed);
        }
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}
