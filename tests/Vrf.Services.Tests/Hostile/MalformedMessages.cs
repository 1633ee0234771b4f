using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit.Serialization;
using Vrf.Contracts;
using Vrf.Serving.Store;
using Vrf.Services.Embedding;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.Hostile;

/// <summary>
/// The malformed messages of the hostile-input tests: bytes that are no message at all, for every queue a service
/// consumes; and, for each stage of the classify pipeline, MassTransit envelopes of its own message type whose content
/// no retry can fix (vector sizes, NaN and infinite numbers, unknown models and versions, negative or huge counts).
/// Each holds the phrase its fault reason must contain.
/// </summary>
public static class MalformedMessages
{
    private const string ContractsUrn = "urn:message:Vrf.Contracts:";

    /// <summary>Bytes no deserializer makes a message of, for <paramref name="queue"/>.</summary>
    public static IEnumerable<MalformedMessage> NotMessages(string queue)
    {
        var envelope = Envelope(nameof(ClassifyImage), Node(Requests.Classify(QueryImages.Drawn(0, 1))));
        yield return new(queue, "malformed-json", "{\"messageId\": \"x\", \"message\": {\"requestId\": }}}{{"u8.ToArray(), null);
        yield return new(queue, "truncated-json", envelope[..(envelope.Length / 2)], null);
        yield return new(queue, "empty-body", [], null);
        yield return new(queue, "binary-noise", Noise(256, queue.Length), null);
        yield return new(queue, "json-array", "[1, 2, 3]"u8.ToArray(), null);
    }

    /// <summary>A well-formed envelope of a message type no consumer knows, for <paramref name="queue"/>: MassTransit moves
    /// it to the queue's <c>_skipped</c> queue (no fault: nothing failed, nobody consumes it).</summary>
    public static MalformedMessage OfUnknownType(string queue) =>
        new(queue, "unknown-type", Envelope("NoSuchMessage", new JsonObject { ["requestId"] = Guid.NewGuid().ToString() }), null);

    /// <summary>Classify requests the embedding service must refuse.</summary>
    public static IEnumerable<MalformedMessage> ForEmbedding()
    {
        MalformedMessage Case(string name, string reason, Action<JsonObject> edit)
        {
            var message = Node(Requests.Classify(QueryImages.Drawn(0, 1)));
            edit(message);
            return new(ServiceNames.Embedding, name, Envelope(nameof(ClassifyImage), message), reason);
        }
        yield return Case("top-k-negative", "ask for at least 1 class", m => m["topK"] = -5);
        yield return Case("nearest-failures-negative", $"ask for 0 to {ClassifyRequestRules.MaxNearestFailures}", m => m["nearestFailureCount"] = -1);
        yield return Case("nearest-failures-huge", $"ask for 0 to {ClassifyRequestRules.MaxNearestFailures}", m => m["nearestFailureCount"] = int.MaxValue);
        yield return Case("unknown-model", "no model 'nobody'", m => m["modelName"] = "nobody");
        yield return Case("unknown-version", "has no version 999", m => m["modelVersion"] = 999);
        yield return Case("no-image", "it carries no image", m => m.Remove("imageBytes"));
        yield return Case("image-not-base64", "Base64", m => m["imageBytes"] = "%%% not base64 %%%");
        yield return Case("ose-alpha-nan", "it must lie in [0, 1]", m => (m["ensembleMode"], m["oseAlpha"]) = (Mode(EnsembleMode.OutputSpace), "NaN"));
        yield return Case("ensemble-mode-unknown", "is not a known mode", m => m["ensembleMode"] = 42);
    }

    /// <summary>Embedded images the failure-index service must refuse.</summary>
    public static IEnumerable<MalformedMessage> ForFailureIndex(ModelBundle ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        var dimension = ready.Manifest.EmbeddingDim;
        var classes = ready.Manifest.ClassNames.Count;
        MalformedMessage Case(string name, string reason, Action<JsonObject> edit)
        {
            var message = Node(new ImageEmbedded(Guid.NewGuid(), ready.Id.Name, ready.Id.Version, Values(classes, 1), Values(classes, 2),
                Values(dimension, 0.5f), EnsembleMode.Vrf, null, 3, 0, []));
            edit(message);
            return new(ServiceNames.FailureIndex, name, Envelope(nameof(ImageEmbedded), message), reason);
        }
        yield return Case("feature-too-short", $"but a query has 3", m => m["fineTunedFeature"] = Numbers(3, "1"));
        yield return Case("feature-empty", "but a query has 0", m => m["fineTunedFeature"] = Numbers(0, "1"));
        yield return Case("feature-nan", "not finite", m => m["fineTunedFeature"] = Numbers(dimension, "NaN"));
        yield return Case("feature-infinite", "not finite", m => m["fineTunedFeature"] = Numbers(dimension, "Infinity"));
        yield return Case("feature-missing", "it carries no fine-tuned feature", m => m.Remove("fineTunedFeature"));
        yield return Case("logits-nan", "NaN or an infinity", m => m["zeroShotLogits"] = Numbers(classes, "NaN"));
        yield return Case("logits-wrong-size", $"has {classes} classes but the logits have", m => m["fineTunedLogits"] = Numbers(classes + 4, "1"));
        yield return Case("unknown-model", "no model 'nobody'", m => m["modelName"] = "nobody");
        yield return Case("unknown-version", "has no version 999", m => m["modelVersion"] = 999);
        yield return Case("top-k-negative", "ask for at least 1 class", m => m["topK"] = -5);
        yield return Case("nearest-failures-negative", $"ask for 0 to {ClassifyRequestRules.MaxNearestFailures}", m => m["nearestFailureCount"] = -1);
        yield return Case("nearest-failures-huge", $"ask for 0 to {ClassifyRequestRules.MaxNearestFailures}", m => m["nearestFailureCount"] = int.MaxValue);
    }

    /// <summary>Measured images the scorer must refuse.</summary>
    public static IEnumerable<MalformedMessage> ForScorer(ModelBundle ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        var classes = ready.Manifest.ClassNames.Count;
        MalformedMessage Case(string name, string reason, Action<JsonObject> edit)
        {
            var message = Node(new FailureDistanceMeasured(Guid.NewGuid(), ready.Id.Name, ready.Id.Version, Values(classes, 1), Values(classes, 2),
                0.5, ready.Parameters.K, [], EnsembleMode.Vrf, null, 3, []));
            edit(message);
            return new(ServiceNames.Scorer, name, Envelope(nameof(FailureDistanceMeasured), message), reason);
        }
        yield return Case("logits-wrong-size", $"has {classes} classes but the logits have", m => m["zeroShotLogits"] = Numbers(classes - 1, "1"));
        yield return Case("logits-nan", "NaN or an infinity", m => m["fineTunedLogits"] = Numbers(classes, "NaN"));
        yield return Case("logits-infinite", "NaN or an infinity", m => m["zeroShotLogits"] = Numbers(classes, "-Infinity"));
        yield return Case("logits-missing", "fine-tuned logits are missing", m => m.Remove("fineTunedLogits"));
        yield return Case("distance-nan", "distance", m => m["distance"] = "NaN");
        yield return Case("distance-negative", "distance", m => m["distance"] = -1);
        yield return Case("unknown-model", "no model 'nobody'", m => m["modelName"] = "nobody");
        yield return Case("unknown-version", "has no version 999", m => m["modelVersion"] = 999);
        yield return Case("top-k-negative", "ask for at least 1 class", m => m["topK"] = -5);
        yield return Case("top-k-zero", "ask for at least 1 class", m => m["topK"] = 0);
    }

    /// <summary>A MassTransit JSON envelope carrying <paramref name="message"/> as a contract of that name.</summary>
    private static byte[] Envelope(string contract, JsonObject message) =>
        Encoding.UTF8.GetBytes(new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["messageType"] = new JsonArray(ContractsUrn + contract),
            ["message"] = message,
            ["sentTime"] = DateTime.UtcNow.ToString("O"),
            ["headers"] = new JsonObject(),
        }.ToJsonString());

    /// <summary>A contract as MassTransit's serializer writes it.</summary>
    private static JsonObject Node<T>(T message) =>
        JsonSerializer.SerializeToNode(message, SystemTextJsonMessageSerializer.Options)!.AsObject();

    private static JsonNode? Mode(EnsembleMode mode) => JsonSerializer.SerializeToNode(mode, SystemTextJsonMessageSerializer.Options);

    /// <summary>A JSON array of <paramref name="count"/> copies of a number, written as JSON text ("NaN" and "Infinity"
    /// as strings, as the bus accepts them).</summary>
    private static JsonArray Numbers(int count, string value) =>
        [.. Enumerable.Range(0, count).Select(_ => double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? JsonValue.Create(number)
            : (JsonNode)JsonValue.Create(value))];

    private static float[] Values(int count, float value) => Enumerable.Repeat(value, count).ToArray();

    private static byte[] Noise(int length, int seed)
    {
        var noise = new byte[length];
        new Random(seed).NextBytes(noise);
        return noise;
    }
}
