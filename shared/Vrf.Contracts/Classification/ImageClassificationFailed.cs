namespace Vrf.Contracts;

/// <summary>Event: a <see cref="ClassifyImage"/> could not be answered (corrupt image, unknown model version, wrong
/// vector size, ...). Sent to the request's <see cref="ClassifyImage.ReplyAddress"/> and published for subscribers, like
/// <see cref="ImageClassified"/>. The offending message also lands in its service's error queue with the same reason.</summary>
/// <param name="RequestId">The request that failed.</param>
/// <param name="ModelName">The model it asked for.</param>
/// <param name="Reason">What was wrong, in words a client can act on.</param>
/// <param name="Stage">The service that gave up, for example <c>embedding</c>, <c>failure-index</c> or <c>scorer</c>.</param>
/// <param name="Kind">What kind of failure it was, for programs: the reason is for people. Events without it (from
/// services that predate it) read as <see cref="ClassificationFailureKind.Internal"/>.</param>
public sealed record ImageClassificationFailed(
    Guid RequestId,
    string ModelName,
    string Reason,
    string Stage,
    ClassificationFailureKind Kind = ClassificationFailureKind.Internal);
