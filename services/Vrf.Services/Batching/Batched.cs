namespace Vrf.Services.Batching;

/// <summary>One message's result from the batch it ran in.</summary>
/// <param name="Result">What the batch computed for this message.</param>
/// <param name="Waited">How long the message waited for its batch to start.</param>
/// <param name="Running">How long its batch ran.</param>
/// <param name="BatchSize">How many messages the batch held.</param>
public sealed record Batched<TResult>(TResult Result, TimeSpan Waited, TimeSpan Running, int BatchSize);
