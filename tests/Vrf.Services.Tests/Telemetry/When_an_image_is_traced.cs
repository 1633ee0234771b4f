using System.Diagnostics;
using MassTransit;
using MassTransit.Logging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Trace;
using Vrf.Client;
using Vrf.ServiceDefaults;
using Vrf.Services.Embedding;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.Telemetry;

public sealed class When_an_image_is_traced(ReadyStore store) : IClassFixture<ReadyStore>
{
    private const int Images = 3;

    [Fact]
    public async Task Should_put_each_image_in_one_trace_holding_the_spans_of_all_three_services_even_when_batched_together()
    {
        var exported = new List<Activity>();
        var requests = Enumerable.Range(0, Images).Select(i => Requests.Classify(QueryImages.Drawn(i, 70 + i), $"traced-{i}.png")).ToList();
        using (var host = PipelineHost(exported))
        {
            await host.StartAsync(TestContext.Current.CancellationToken);
            await using var scope = host.Services.CreateAsyncScope();
            var client = scope.ServiceProvider.GetRequiredService<ClassificationClient>();
            var outcomes = await Task.WhenAll(requests.Select(request =>
                client.ClassifyAsync(request, InMemoryPipeline.ResultTimeout, TestContext.Current.CancellationToken)));
            Assert.All(outcomes, outcome => Assert.True(outcome.Succeeded, outcome.Failure?.Reason));
            await host.StopAsync(TestContext.Current.CancellationToken);
        }

        var traces = requests.Select(request => TraceOf(exported, request.RequestId)).ToList();
        Assert.Equal(Images, traces.Select(trace => trace.TraceId).Distinct().Count());
        foreach (var trace in traces)
        {
            Assert.Equal(["decode", "preprocess", "encode", "lookup", "ensemble"], trace.MlSpans.Select(span => span.OperationName));
            Assert.Equal(["Vrf.Embedding", "Vrf.Embedding", "Vrf.Embedding", "Vrf.FailureIndex", "Vrf.Scorer"],
                trace.MlSpans.Select(span => span.Source.Name));
            var consumers = exported.Where(span => span.TraceId == trace.TraceId && span.Source.Name == DiagnosticHeaders.DefaultListenerName
                && span.Kind == ActivityKind.Consumer).ToList();
            Assert.True(consumers.Count >= 4, $"expected the consume spans of the three services and the client, found {consumers.Count}");
            Assert.All(trace.MlSpans, span => Assert.NotNull(exported.SingleOrDefault(parent => parent.SpanId == span.ParentSpanId)));
        }
        Assert.Equal(Images, traces[0].MlSpans.Single(span => span.OperationName == "encode").GetTagItem(EmbeddingTelemetry.BatchSizeTag));
    }

    private static (ActivityTraceId TraceId, IReadOnlyList<Activity> MlSpans) TraceOf(List<Activity> exported, Guid requestId)
    {
        var spans = exported.Where(span => (string?)span.GetTagItem("vrf.request_id") == requestId.ToString()).OrderBy(span => span.StartTimeUtc).ToList();
        var traceId = Assert.Single(spans.Select(span => span.TraceId).Distinct());
        return (traceId, spans);
    }

    /// <summary>The three services and a client in one host, traced as the hosts trace them (service defaults with
    /// every service's source), with an in-memory exporter; batches wait for all the images so they encode together.</summary>
    private IHost PipelineHost(List<Activity> exported)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ApplicationName = "Vrf.Services.Tests",
            EnvironmentName = Environments.Production,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelStore:Root"] = store.Root,
            ["Embedding:MaxBatchSize"] = Images.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Embedding:MaxBatchDelayMs"] = "20000",
        });
        builder.AddServiceDefaults([.. ServiceCatalog.ClassifyPipeline.Select(service => service.TelemetrySource).OfType<string>()]);
        builder.Services.AddOpenTelemetry().WithTracing(tracing => tracing.AddInMemoryExporter(exported));
        builder.Services.Configure<MassTransitHostOptions>(host => host.WaitUntilStarted = true);
        builder.Services.AddServiceModules(builder.Configuration, ServiceCatalog.ClassifyPipeline, MessageBusOptions.Parse("memory"),
            bus => bus.AddClassificationClient());
        return builder.Build();
    }
}
