using Microsoft.Extensions.DependencyInjection;
using Vrf.Encoders;

namespace Vrf.Testing.Models.ConvNet;

/// <summary>Registers the test encoder kind and its head builder beside the built-in ones.</summary>
public static class TinyConvNetRegistration
{
    public static IServiceCollection AddTinyConvNet(this IServiceCollection services) =>
        services.AddEncoderKind<TinyConvNetKind>().AddZeroShotHeadBuilder<DrawnExemplarHead>();
}
