using System.Collections.Concurrent;
using MassTransit;

namespace Vrf.Services.Tests.Support;

/// <summary>Counts the messages each queue's consumers have finished with, by message type (the test harness's own
/// record of consumed messages is not a complete count).</summary>
public sealed class ConsumeCounter : IConsumeObserver
{
    private readonly ConcurrentDictionary<(Type Message, string Queue), int> _counts = new();

    /// <summary>How many <typeparamref name="T"/> the consumers on <paramref name="queue"/> have consumed, faulted or not.</summary>
    public int Of<T>(string queue) => _counts.GetValueOrDefault((typeof(T), queue));

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Count(context);

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class => Count(context);

    private Task Count<T>(ConsumeContext<T> context)
        where T : class
    {
        var queue = context.ReceiveContext.InputAddress.AbsolutePath.Trim('/').Split('/')[^1];
        _counts.AddOrUpdate((typeof(T), queue), 1, (_, count) => count + 1);
        return Task.CompletedTask;
    }
}
