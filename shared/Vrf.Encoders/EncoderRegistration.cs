using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vrf.Encoders.ZeroShot;

namespace Vrf.Encoders;

/// <summary>Registers encoder kinds and zero-shot head builders, and their registries.</summary>
public static class EncoderRegistration
{
    /// <summary>Adds a kind (once, however often it is called) to the <see cref="EncoderKinds"/> singleton.</summary>
    public static IServiceCollection AddEncoderKind<TKind>(this IServiceCollection services)
        where TKind : class, IEncoderKind
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IEncoderKind, TKind>());
        services.TryAddSingleton<EncoderKinds>();
        return services;
    }

    /// <summary>Adds a builder (once, however often it is called) to the <see cref="ZeroShotHeadBuilders"/> singleton.</summary>
    public static IServiceCollection AddZeroShotHeadBuilder<TBuilder>(this IServiceCollection services)
        where TBuilder : class, IZeroShotHeadBuilder
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IZeroShotHeadBuilder, TBuilder>());
        services.TryAddSingleton<ZeroShotHeadBuilders>();
        return services;
    }
}
