using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Serving.Hosting;
using Vrf.Serving.Jobs;
using Vrf.Training.Hosting;

namespace Vrf.Services.FineTuning;

/// <summary>Registers the fine-tuning service.</summary>
public static class FineTuningRegistration
{
    /// <summary>What its consumers and its worker need: the trainer (with the serving core and the model store), the
    /// job store beside the models, the <c>FineTuning</c> options and the worker itself.</summary>
    public static IServiceCollection AddFineTuningService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddFineTuning(configuration);
        services.AddModelStore();
        services.AddOptions<FineTuningWorkerOptions>()
            .BindConfiguration(FineTuningWorkerOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<FineTuningJobStore>();
        services.TryAddSingleton<FineTuningJobIntake>();
        services.TryAddSingleton<FineTuningJobSignal>();
        services.TryAddSingleton<RunningFineTuningJobs>();
        services.TryAddSingleton<FineTuningJobCancellation>();
        services.TryAddSingleton<FineTuningJobRunner>();
        services.AddHostedService<FineTuningWorker>();
        return services;
    }

    /// <summary>The consumers of <c>RetrainModel</c> (and its faults) and the per-instance one of <c>CancelFineTuning</c>.</summary>
    public static IBusRegistrationConfigurator AddFineTuningConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RetrainModelConsumer, RetrainModelConsumerDefinition>();
        bus.AddConsumer<RetrainModelFaultConsumer, RetrainModelFaultConsumerDefinition>();
        bus.AddConsumer<CancelFineTuningConsumer, CancelFineTuningConsumerDefinition>();
        return bus;
    }
}
