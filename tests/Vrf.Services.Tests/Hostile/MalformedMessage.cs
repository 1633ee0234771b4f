namespace Vrf.Services.Tests.Hostile;

/// <summary>Raw bytes for one queue, and a phrase the reason of its fault must contain (null: any reason will do, as for
/// bytes that are not a message at all).</summary>
public sealed record MalformedMessage(string Queue, string Name, byte[] Body, string? Reason)
{
    /// <summary>Unique in a run: it travels as the AMQP message id and a header, to find the message in the error queue.</summary>
    public string Id { get; } = Guid.NewGuid().ToString();

    public override string ToString() => $"{Queue}/{Name}";
}
