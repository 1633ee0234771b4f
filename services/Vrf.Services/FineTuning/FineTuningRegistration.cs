using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Contracts;
using Vrf.ServiceDefaults;
using Vrf.Services.Failures;
using Vrf.Serving.Hosting;
using Vrf.Serving.Jobs;
using Vrf.Training.Hosting;

namespace Vrf.Services.FineTuning;

/// <summary>Registers the fine-tuning service.</summary>
public static class FineTuningRegistration
{
    /// <summary>What its consumers and its worker need: the trainer (with the serving core and the model store), the
    /// job store beside the models, the <c>FineTuning</c> options, its metrics and the worker itself.</summary>
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
        services.AddMetrics();
        services.TryAddSingleton<FineTuningMetrics>();
        services.TryAddSingleton<FineTuningJobRunner>();
        services.AddHostedService<FineTuningWorker>();
        return services;
    }

    /// <summary>
    /// The consumer of <c>RetrainModel</c> on the <c>fine-tuning</c> queue, shared by every replica (whichever takes a
    /// request records the job; any idle replica may then train it), its faults recorded and reported from
    /// <c>fine-tuning-faults</c>, and the consumer of <c>CancelFineTuning</c> on a queue of each replica's own, since a
    /// cancel request must reach the replica that trains the job, whichever it is.
    /// </summary>
    public static IBusRegistrationConfigurator AddFineTuningConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<RetrainModelConsumer>().Endpoint(endpoint => endpoint.Name = ServiceNames.FineTuning);
        bus.AddFaultToFailure<RetrainModel, FineTuningFailed>($"{ServiceNames.FineTuning}-faults", services =>
        {
            var intake = services.GetRequiredService<FineTuningJobIntake>();
            return fault => intake.Refuse(fault.Message, ClassificationFailures.Reason(fault));
        });
        bus.AddConsumer<CancelFineTuningConsumer>().Endpoint(endpoint => endpoint.OnInstanceQueue());
        return bus;
    }
}
