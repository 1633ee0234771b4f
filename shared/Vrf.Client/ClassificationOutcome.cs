using Vrf.Contracts;

namespace Vrf.Client;

/// <summary>What became of one <see cref="ClassifyImage"/>: exactly one of a result or a failure.</summary>
public sealed record ClassificationOutcome(ImageClassified? Result, ImageClassificationFailed? Failure)
{
    public Guid RequestId => Result?.RequestId ?? Failure!.RequestId;

    public bool Succeeded => Result is not null;
}
