using MassTransit;
using Vrf.Contracts;

namespace Vrf.ServiceDefaults;

/// <summary>
/// The queue each unit of work waits in until a service takes it, declared by every process that publishes it: on
/// RabbitMQ a message published while no queue is bound to its exchange is dropped, so without this a
/// <see cref="ModelImported"/> sent before any failure-index service ever ran, or a <see cref="ClassifyImage"/> sent
/// before the first embedding service, was lost. The publisher declares the service's own queue (durable, as the
/// service declares it) and binds it to the message's exchange the first time it publishes that type; the service,
/// when it starts, finds its work waiting. Events that only subscribers want (results, progress, promotions) are not
/// work and wait for nobody.
/// </summary>
public static class WorkQueues
{
    public const string Embedding = "embedding";
    public const string FailureIndex = "failure-index";
    public const string Scorer = "scorer";
    public const string FailureIndexBuilds = "failure-index-builds";
    public const string FineTuning = "fine-tuning";

    private static readonly WorkQueue[] Queues =
    [
        Work<ClassifyImage>(Embedding),
        Work<ImageEmbedded>(FailureIndex),
        Work<FailureDistanceMeasured>(Scorer),
        Work<ModelImported>(FailureIndexBuilds),
        Work<ModelTrained>(FailureIndexBuilds),
        Work<RetrainModel>(FineTuning),
    ];

    /// <summary>Every unit of work and the queue its service takes it from.</summary>
    public static IReadOnlyList<(Type Message, string Queue)> All { get; } = [.. Queues.Select(work => (work.Message, work.Queue))];

    /// <summary>Makes every publish of a unit of work declare and bind the queue its service takes it from.</summary>
    internal static void DeclareWorkQueues(this IRabbitMqBusFactoryConfigurator bus)
    {
        foreach (var work in Queues)
        {
            work.Declare(bus);
        }
    }

    private static WorkQueue Work<TMessage>(string queue) where TMessage : class =>
        new(typeof(TMessage), queue, bus => bus.Publish<TMessage>(topology => topology.BindQueue(topology.Exchange.ExchangeName, queue)));

    private sealed record WorkQueue(Type Message, string Queue, Action<IRabbitMqBusFactoryConfigurator> Declare);
}
