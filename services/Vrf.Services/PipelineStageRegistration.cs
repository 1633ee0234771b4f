using MassTransit;
using Vrf.Contracts;
using Vrf.ServiceDefaults;
using Vrf.Services.Failures;

namespace Vrf.Services;

/// <summary>Registers a stage of the classify pipeline: the embedding, failure-index and scorer services each are one.</summary>
public static class PipelineStageRegistration
{
    /// <summary>
    /// <typeparamref name="TConsumer"/> on the queue named after <paramref name="stage"/>, shared by every replica,
    /// processing <paramref name="concurrency"/> messages at once and prefetching as many, its messages' queue wait
    /// measured under the stage's name (<see cref="QueueWaits"/>); and the faults of
    /// <typeparamref name="TMessage"/>, reported from <c>{stage}-faults</c> to the request's sender (its reply address)
    /// and the subscribers as an <see cref="ImageClassificationFailed"/> of that stage.
    /// </summary>
    /// <param name="stage">The service's name (a <see cref="ServiceNames"/> one).</param>
    /// <param name="requestOf">The request a message belongs to: its id, model and reply address.</param>
    /// <param name="concurrency">How many messages the stage takes at once, from the process's options.</param>
    public static void AddPipelineStage<TConsumer, TMessage>(this IBusRegistrationConfigurator bus, string stage,
        Func<TMessage, (Guid RequestId, string ModelName, Uri? ReplyAddress)> requestOf, Func<IRegistrationContext, int> concurrency)
        where TConsumer : class, IConsumer<TMessage>
        where TMessage : class
    {
        bus.AddConsumer<TConsumer>().Endpoint(endpoint =>
        {
            endpoint.Name = stage;
            endpoint.AddConfigureEndpointCallback((context, queue) =>
            {
                var limit = concurrency(context);
                queue.ConcurrentMessageLimit = limit;
                queue.PrefetchCount = limit;
                queue.MeasureQueueWait(context, stage);
            });
        });
        bus.AddFaultToFailure<TMessage, ImageClassificationFailed>($"{stage}-faults", fault =>
            {
                var (requestId, modelName, _) = requestOf(fault.Message);
                return ClassificationFailures.From(fault, requestId, modelName, stage);
            },
            message => requestOf(message).ReplyAddress);
    }
}
