using System.Net.Mime;
using System.Text.Json;
using System.Text.Json.Nodes;
using MassTransit;
using MassTransit.Serialization;
using Vrf.Contracts;

namespace Vrf.Fuzzing;

/// <summary>
/// MassTransit's JSON envelope deserializer as the services' endpoints use it (named floating-point literals allowed),
/// asked for each message type a service consumes, over mutations of valid envelopes of those types. A refusal is a
/// serialization exception (MassTransit's derives from .NET's) or a <see cref="JsonException"/>; any other exception is a
/// finding. Deserializing
/// may allocate 64 bytes per input byte and 16 MB more.
/// </summary>
public sealed class MessageDeserializerTarget : IFuzzTarget
{
    private const long BytesPerInputByte = 64;
    private const long Overhead = 16 << 20;

    private static readonly Uri Destination = new("rabbitmq://localhost/fuzz/embedding");

    private readonly SystemTextJsonMessageSerializer _serializer = new(new ContentType("application/vnd.masstransit+json"));

    public MessageDeserializerTarget()
    {
        SystemTextJsonMessageSerializer.Options.NumberHandling |= System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals;
        var request = Guid.NewGuid();
        Seeds =
        [
            Envelope(new ClassifyImage(request, "tiny", 2, [0x89, 0x50, 0x4E, 0x47, 1, 2, 3], "photo.png", EnsembleMode.OutputSpace, 0.3, 5, 3,
                new Uri("rabbitmq://localhost/vrf/client"))),
            Envelope(new ImageEmbedded(request, "tiny", 2, [1.5f, -2, 3], [0.5f, 2, -1], [0.1f, 0.2f, 0.3f, 0.4f], EnsembleMode.Vrf, null, 5, 3,
                [new StageTiming("decode", 1.5)])),
            Envelope(new FailureDistanceMeasured(request, "tiny", 2, [1.5f, -2, 3], [0.5f, 2, -1], 0.75, 10,
                [new NearestFailure("train/4", 1, 0.5)], EnsembleMode.Vrf, null, 5, [new StageTiming("decode", 1.5)])),
            Envelope(new ModelImported("tiny", 2, "/store/tiny/2")),
            Envelope(new RetrainModel(Guid.NewGuid(), "tiny", 1, "/data/train", "/data/val", Epochs: 2)),
        ];
    }

    public string Name => "message deserializer";

    public IReadOnlyList<byte[]> Seeds { get; }

    public bool IsText => true;

    public FuzzOutcome Run(byte[] input)
    {
        var allowed = input.LongLength * BytesPerInputByte + Overhead;
        try
        {
            var context = _serializer.Deserialize(new BytesMessageBody(input), EmptyHeaders.Instance, Destination);
            var type = Consumed(context);
            return new FuzzOutcome(type is null ? "an envelope of no consumed type" : $"message: {type}", allowed);
        }
        catch (Exception e) when (e is System.Runtime.Serialization.SerializationException or JsonException)
        {
            return new FuzzOutcome($"refused: {e.GetType().Name}", allowed);
        }
    }

    /// <summary>The first type a service consumes that the envelope gives, read in full.</summary>
    private static string? Consumed(SerializerContext context) =>
        context.TryGetMessage<ClassifyImage>(out var classify) && classify is not null ? nameof(ClassifyImage)
        : context.TryGetMessage<ImageEmbedded>(out var embedded) && embedded is not null ? nameof(ImageEmbedded)
        : context.TryGetMessage<FailureDistanceMeasured>(out var measured) && measured is not null ? nameof(FailureDistanceMeasured)
        : context.TryGetMessage<ModelImported>(out var imported) && imported is not null ? nameof(ModelImported)
        : context.TryGetMessage<RetrainModel>(out var retrain) && retrain is not null ? nameof(RetrainModel)
        : null;

    /// <summary>A MassTransit JSON envelope, as a service's endpoint receives it.</summary>
    private static byte[] Envelope<T>(T message)
        where T : class =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["messageId"] = Guid.NewGuid().ToString(),
            ["messageType"] = new JsonArray($"urn:message:Vrf.Contracts:{typeof(T).Name}"),
            ["message"] = JsonSerializer.SerializeToNode(message, SystemTextJsonMessageSerializer.Options),
            ["sentTime"] = DateTime.UtcNow.ToString("O"),
            ["headers"] = new JsonObject(),
        });
}
