namespace Vrf.Client;

/// <summary>
/// This process's own queue for the outcomes of its classify requests: every request carries it as its
/// <c>ReplyAddress</c>, and the services send the outcome there. Known once the bus has configured the queue.
/// </summary>
public sealed class ClassificationReplyAddress
{
    private Uri? _address;

    /// <exception cref="InvalidOperationException">The bus has not been started, so the queue does not exist yet.</exception>
    public Uri Value => _address ?? throw new InvalidOperationException("The classification client's queue is not configured yet: start the bus first.");

    internal void Set(Uri address) => _address = address;
}
