using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Serving.Hosting;

namespace Vrf.Training.Hosting;

/// <summary>Registers fine-tuning with options bound from configuration.</summary>
public static class FineTuningServiceCollectionExtensions
{
    /// <summary>The serving core (<see cref="ServingServiceCollectionExtensions.AddModelServing"/>: store, inference
    /// device), the <c>FineTuning</c> options and the <see cref="FineTuner"/> singleton.</summary>
    public static IServiceCollection AddFineTuning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddModelServing(configuration);
        services.AddOptions<FineTuningOptions>().BindConfiguration(FineTuningOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<FineTuner>();
        return services;
    }
}
