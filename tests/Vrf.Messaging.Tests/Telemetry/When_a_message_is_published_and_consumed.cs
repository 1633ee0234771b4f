using System.Diagnostics;
using MassTransit;
using MassTransit.Logging;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using Vrf.Contracts;
using Vrf.Messaging.Tests.Support;
using Vrf.ServiceDefaults;

namespace Vrf.Messaging.Tests.Telemetry;

public sealed class When_a_message_is_published_and_consumed
{
    private const string ServiceSource = "Vrf.Messaging.Tests.Classify";

    [Fact]
    public async Task Should_trace_the_publish_and_the_consume_from_the_MassTransit_source_in_the_caller_trace()
    {
        var exported = new List<Activity>();
        using var source = new ActivitySource(ServiceSource);
        var builder = TestHosts.CreateBuilder();
        builder.AddServiceDefaults(ServiceSource);
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(exported));
        builder.Services.AddVrfMessageBus(MessageBusOptions.Parse("memory"), bus => bus.AddConsumer<ClassifyImageRecorder>());
        var request = SampleMessages.ClassifyImage();
        ActivityTraceId traceId;
        using (var host = builder.Build())
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            using (var classify = source.StartActivity("classify"))
            {
                Assert.NotNull(classify);
                traceId = classify.TraceId;
                await host.Services.GetRequiredService<IBus>().Publish(request, TestContext.Current.CancellationToken);
            }
            await host.Services.GetRequiredService<ReceivedMessages<ClassifyImage>>()
                .WaitForAsync(message => message.RequestId == request.RequestId, "the classify request");
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        var trace = exported.Where(activity => activity.TraceId == traceId).ToList();
        Assert.Contains(trace, activity => activity.Source.Name == ServiceSource);
        var messaging = trace.Where(activity => activity.Source.Name == DiagnosticHeaders.DefaultListenerName).ToList();
        Assert.Contains(messaging, activity => activity.Kind == ActivityKind.Producer);
        Assert.Contains(messaging, activity => activity.Kind == ActivityKind.Consumer);
    }
}
