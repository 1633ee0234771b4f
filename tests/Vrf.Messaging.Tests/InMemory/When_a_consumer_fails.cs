using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vrf.Contracts;
using Vrf.Messaging.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.InMemory;

public sealed class When_a_consumer_fails
{
    [Fact]
    public async Task Should_retry_a_transient_failure_until_the_consumer_succeeds()
    {
        using var host = await StartedInMemoryHost(bus => bus.AddConsumer<FlakyClassifyImageConsumer>());
        var request = SampleMessages.ClassifyImage();

        await host.Services.GetRequiredService<IBus>().Publish(request, TestContext.Current.CancellationToken);

        await host.Services.GetRequiredService<ReceivedMessages<ClassifyImage>>()
            .WaitForAsync(message => message.RequestId == request.RequestId, "the request after its retries");
        Assert.Equal(FlakyClassifyImageConsumer.FailingAttempts + 1, host.Services.GetRequiredService<ConsumeAttempts>().Of(request.RequestId));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_not_retry_bad_input_and_publish_one_fault_with_the_reason()
    {
        using var host = await StartedInMemoryHost(bus =>
        {
            bus.AddConsumer<CorruptImageRejecter>();
            bus.AddConsumer<FaultRecorder>();
        });
        var request = SampleMessages.ClassifyImage();

        await host.Services.GetRequiredService<IBus>().Publish(request, TestContext.Current.CancellationToken);

        var faults = host.Services.GetRequiredService<ReceivedMessages<Fault<ClassifyImage>>>();
        var fault = await faults.WaitForAsync(fault => fault.Message.RequestId == request.RequestId, "the fault");
        Assert.Equal(CorruptImageRejecter.Reason, Assert.Single(fault.Exceptions).Message);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Equal(1, host.Services.GetRequiredService<ConsumeAttempts>().Of(request.RequestId));
        Assert.Single(faults.Matching(seen => seen.Message.RequestId == request.RequestId));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    private static async Task<IHost> StartedInMemoryHost(Action<IBusRegistrationConfigurator> registerConsumers)
    {
        var builder = TestHosts.CreateBuilder();
        builder.Services.AddVrfMessageBus(MessageBusOptions.Parse("memory"), registerConsumers);
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }
}
