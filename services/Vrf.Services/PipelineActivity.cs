using System.Diagnostics;

namespace Vrf.Services;

/// <summary>Starts the ML spans of the classify pipeline, tagged with the request and the model they work for, so
/// Jaeger finds an image's steps by its request id.</summary>
internal static class PipelineActivity
{
    public const string RequestIdTag = "vrf.request_id";
    public const string ModelTag = "vrf.model";

    public static Activity? Start(ActivitySource source, string name, Guid requestId, string model) =>
        source.StartActivity(name, ActivityKind.Internal, parentContext: default, Tags(requestId, model));

    /// <summary>Starts a span under an explicit parent (work done away from the message's own flow, such as a batch).</summary>
    public static Activity? Start(ActivitySource source, string name, ActivityContext parent, Guid requestId, string model,
        DateTimeOffset startTime) =>
        source.StartActivity(name, ActivityKind.Internal, parent, Tags(requestId, model), startTime: startTime);

    private static KeyValuePair<string, object?>[] Tags(Guid requestId, string model) =>
        [new(RequestIdTag, requestId.ToString()), new(ModelTag, model)];
}
