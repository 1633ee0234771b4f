using System.Globalization;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Vrf.Gateway.Security;

namespace Vrf.Gateway.Events;

/// <summary>
/// <c>GET /v1/events</c>: the jobs' and the model versions' bus events as server-sent events, the retained ones first.
/// Each event's <c>event:</c> is its name (<c>fine-tuning-progressed</c>), its <c>data:</c> the message as JSON and its
/// <c>id:</c> its place in the gateway's sequence; a client that reconnects with <c>Last-Event-ID</c> gets only what it
/// missed.
/// </summary>
internal static class EventsEndpoint
{
    public const string LastEventIdHeader = "Last-Event-ID";
    public const string EventStreamContentType = "text/event-stream";

    public static IEndpointRouteBuilder MapEventsEndpoint(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/events", Stream)
            .WithName("StreamEvents")
            .WithTags("Events")
            .RequireGatewayPolicy(GatewayPolicies.Operate)
            .WithBodyLimit(GatewayEndpointConventions.SmallBodyBytes)
            .WithSummary("Follow jobs and model versions live")
            .WithDescription(
                "A text/event-stream of the bus events this gateway receives: fine-tuning-started, fine-tuning-progressed " +
                "(stage, epoch, step, loss, learning rate, images/s, ETA), model-trained, fine-tuning-failed, fine-tuning-cancelled, " +
                "model-imported, model-indexing-progressed, model-indexing-failed, model-promoted, model-retired, distribution-shift-detected " +
                "and distribution-shift-cleared. It starts " +
                "with the latest events the gateway kept (Gateway:Events:Retained), or those after Last-Event-ID.")
            .Produces(StatusCodes.Status200OK, contentType: EventStreamContentType);
        return routes;
    }

    /// <summary>Sends the headers at once (a client learns that it is connected before the first event), then the
    /// events, each flushed as it is written.</summary>
    private static async Task Stream(HttpContext context, LiveEvents events, IHostApplicationLifetime lifetime, IOptions<JsonOptions> json)
    {
        var response = context.Response;
        response.ContentType = EventStreamContentType;
        response.Headers.CacheControl = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);
        var serializer = json.Value.SerializerOptions;
        try
        {
            await SseFormatter.WriteAsync(Items(events, LastEventId(context.Request), context.RequestAborted, lifetime.ApplicationStopping),
                response.Body,
                (item, buffer) =>
                {
                    using var writer = new Utf8JsonWriter(buffer);
                    JsonSerializer.Serialize(writer, item.Data, item.Data.GetType(), serializer);
                },
                context.RequestAborted);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away while an event was being written: nothing to answer.
        }
    }

    /// <summary>Streams until the client goes or the gateway stops (an open stream must not hold up its shutdown).</summary>
    private static async IAsyncEnumerable<SseItem<object>> Items(LiveEvents events, long? afterId, CancellationToken aborted,
        CancellationToken stopping, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping, cancellationToken);
        await foreach (var live in events.StreamAsync(afterId, ended.Token))
        {
            yield return new SseItem<object>(live.Message, live.Type) { EventId = live.Id.ToString(CultureInfo.InvariantCulture) };
        }
    }

    private static long? LastEventId(HttpRequest request) =>
        long.TryParse(request.Headers[LastEventIdHeader], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
}
