using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vrf.Cli.Commands.Bus;
using Vrf.Client;
using Vrf.Contracts;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;
using Vrf.Services;

namespace Vrf.Cli.Commands.Jobs;

/// <summary>
/// The host of a command that submits or follows retrain jobs: its own queue for the jobs' events and, with
/// <c>--bus memory</c>, the services a job goes through (fine-tuning, then the failure-index service that indexes and
/// promotes the version) in this process, whose worker also resumes jobs a crashed process left in the store.
/// </summary>
internal static class JobBus
{
    public static IHost Build(BusSettings settings, string? device) =>
        BusClientHost.Build(settings, [ServiceCatalog.FailureIndex, ServiceCatalog.FineTuning], bus => bus.AddEventInbox("job-events",
            typeof(FineTuningStarted), typeof(FineTuningProgressed), typeof(ModelTrained), typeof(FineTuningFailed), typeof(FineTuningCancelled),
            typeof(ModelIndexingProgressed), typeof(ModelIndexingFailed), typeof(ModelPromoted)), device);

    /// <summary>The store the command names, and its job records.</summary>
    public static (ModelStore Models, FineTuningJobStore Jobs) Stores(string? store)
    {
        var models = new ModelStore(new ModelStoreOptions { Root = store }.ResolveRoot());
        return (models, new FineTuningJobStore(models));
    }

    /// <summary>Follows a job with the events this host receives.</summary>
    public static JobFollower Follower(Terminal terminal, IHost host, BusSettings settings)
    {
        var (models, jobs) = Stores(settings.Store);
        return new JobFollower(terminal, host.Services.GetRequiredService<EventInbox>(), jobs, models, settings.ServicesLocation);
    }
}
