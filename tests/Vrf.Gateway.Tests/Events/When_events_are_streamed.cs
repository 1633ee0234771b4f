using System.Net;
using System.Text.Json;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Gateway.Tests.Support;

namespace Vrf.Gateway.Tests.Events;

/// <summary><c>GET /v1/events</c>: the bus events of jobs and versions, as server-sent events, fed by the bus.</summary>
public sealed class When_events_are_streamed(GatewayApp app) : IClassFixture<GatewayApp>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly HttpClient _client = app.CreateClient();

    [Fact]
    public async Task Should_stream_each_event_the_bus_delivers_with_its_name_id_and_message()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var job = Guid.NewGuid();
        using var response = await _client.GetAsync("/v1/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(timeout.Token));

        await Bus.Publish(new FineTuningProgressed(job, "tiny", "fine-tune", 2, 7, 20, 0.5, 3e-5, 12.5, TimeSpan.FromSeconds(90)), timeout.Token);
        await Bus.Publish(new ModelPromoted("tiny", 2), timeout.Token);

        var progressed = await events.NextAsync(e => e.Name == "fine-tuning-progressed" && e.Data.GetProperty("jobId").GetGuid() == job, timeout.Token);
        Assert.Equal((7, 20, 0.5, "00:01:30"), (progressed.Data.GetProperty("step").GetInt32(), progressed.Data.GetProperty("totalSteps").GetInt32(),
            progressed.Data.GetProperty("loss").GetDouble(), progressed.Data.GetProperty("eta").GetString()));
        var promoted = await events.NextAsync(e => e.Name == "model-promoted", timeout.Token);
        Assert.Equal(("tiny", 2), (promoted.Data.GetProperty("modelName").GetString(), promoted.Data.GetProperty("version").GetInt32()));
        Assert.True(long.Parse(promoted.Id!) > long.Parse(progressed.Id!));
    }

    [Fact]
    public async Task Should_start_a_new_stream_with_the_retained_events_and_a_resumed_one_after_its_last_event_id()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(Patience);
        var first = new ModelIndexingProgressed("replayed", 4, "features", 1, 3);
        var second = new ModelIndexingProgressed("replayed", 4, "features", 2, 3);
        await Bus.Publish(first, timeout.Token);
        await Bus.Publish(second, timeout.Token);

        ServerSentEvent firstSeen;
        using (var response = await _client.GetAsync("/v1/events", HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        using (var events = new ServerSentEventReader(await response.Content.ReadAsStreamAsync(timeout.Token)))
        {
            firstSeen = await events.NextAsync(e => IsIndexing(e, first), timeout.Token);
            await events.NextAsync(e => IsIndexing(e, second), timeout.Token);
        }

        using var resume = new HttpRequestMessage(HttpMethod.Get, "/v1/events");
        resume.Headers.Add("Last-Event-ID", firstSeen.Id);
        using var resumed = await _client.SendAsync(resume, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var rest = new ServerSentEventReader(await resumed.Content.ReadAsStreamAsync(timeout.Token));
        var next = await rest.NextAsync(_ => true, timeout.Token);
        Assert.True(long.Parse(next.Id!) > long.Parse(firstSeen.Id!), $"resumed at {next.Id}, after {firstSeen.Id}");
        Assert.True(IsIndexing(next, second), $"resumed with {next.Name} {next.Data}");
    }

    private IBus Bus => app.Services.GetRequiredService<IBus>();

    private static bool IsIndexing(ServerSentEvent e, ModelIndexingProgressed expected) =>
        e.Name == "model-indexing-progressed" && e.Data.GetProperty("modelName").GetString() == expected.ModelName
        && e.Data.GetProperty("completed").GetInt32() == expected.Completed;
}

/// <summary>One server-sent event: its name, id and JSON data.</summary>
public sealed record ServerSentEvent(string Name, string? Id, JsonElement Data);

/// <summary>Reads a text/event-stream body event by event.</summary>
public sealed class ServerSentEventReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body);

    /// <summary>The next event that matches, skipping the others.</summary>
    public async Task<ServerSentEvent> NextAsync(Func<ServerSentEvent, bool> match, CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await ReadAsync(cancellationToken);
            if (match(next))
            {
                return next;
            }
        }
    }

    private async Task<ServerSentEvent> ReadAsync(CancellationToken cancellationToken)
    {
        string? name = null;
        string? id = null;
        var data = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("The event stream ended.");
            if (line.Length == 0 && data.Count > 0)
            {
                return new ServerSentEvent(name ?? "message", id, JsonDocument.Parse(string.Join('\n', data)).RootElement.Clone());
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var (field, value) = colon < 0 ? (line, "") : (line[..colon], line[(colon + 1)..].TrimStart(' '));
            switch (field)
            {
                case "event":
                    name = value;
                    break;
                case "id":
                    id = value;
                    break;
                case "data":
                    data.Add(value);
                    break;
            }
        }
    }

    public void Dispose() => _reader.Dispose();
}
