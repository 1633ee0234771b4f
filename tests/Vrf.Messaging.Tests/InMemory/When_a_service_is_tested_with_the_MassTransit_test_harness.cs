using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Messaging.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.InMemory;

public sealed class When_a_service_is_tested_with_the_MassTransit_test_harness
{
    [Fact]
    public async Task Should_run_the_consumers_of_its_RabbitMQ_registration_in_memory()
    {
        await using var provider = ServiceRegisteredForRabbitMq(bus => bus.AddConsumer<ClassifyImageRecorder>())
            .AddMassTransitTestHarness()
            .BuildServiceProvider(validateScopes: true);
        var harness = await StartedHarness(provider);
        var request = SampleMessages.ClassifyImage();

        await harness.Bus.Publish(request, TestContext.Current.CancellationToken);

        var received = await provider.GetRequiredService<ReceivedMessages<ClassifyImage>>()
            .WaitForAsync(message => message.RequestId == request.RequestId, "the classify request");
        Assert.Equivalent(request, received, strict: true);
    }

    [Fact]
    public async Task Should_keep_the_project_policy_when_the_harness_bus_applies_it()
    {
        await using var provider = ServiceRegisteredForRabbitMq(bus => bus.AddConsumer<CorruptImageRejecter>())
            .AddMassTransitTestHarness(bus => bus.UsingInMemory((context, configurator) =>
            {
                configurator.UseVrfMessagePolicy(context);
                configurator.ConfigureEndpoints(context);
            }))
            .BuildServiceProvider(validateScopes: true);
        var harness = await StartedHarness(provider);
        var request = SampleMessages.ClassifyImage();

        await harness.Bus.Publish(request, TestContext.Current.CancellationToken);

        Assert.True(await harness.Published.Any<Fault<ClassifyImage>>(
            fault => fault.Context.Message.Message.RequestId == request.RequestId, TestContext.Current.CancellationToken));
        Assert.Equal(1, provider.GetRequiredService<ConsumeAttempts>().Of(request.RequestId));
    }

    private static IServiceCollection ServiceRegisteredForRabbitMq(Action<IBusRegistrationConfigurator> registerConsumers)
    {
        var services = new ServiceCollection()
            .AddSingleton<ConsumeAttempts>()
            .AddSingleton<ReceivedMessages<ClassifyImage>>();
        services.AddLogging();
        return services.AddVrfMessageBus(RabbitMqBroker.Options, registerConsumers);
    }

    private static async Task<ITestHarness> StartedHarness(IServiceProvider provider)
    {
        var harness = provider.GetRequiredService<ITestHarness>();
        harness.TestTimeout = TimeSpan.FromSeconds(30);
        await harness.Start();
        return harness;
    }
}
