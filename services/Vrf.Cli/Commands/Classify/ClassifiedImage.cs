using Vrf.Client;
using Vrf.Contracts;

namespace Vrf.Cli.Commands.Classify;

/// <summary>What became of one file: its outcome (or why none came), and how long it took from reading to result.</summary>
public sealed record ClassifiedImage(string File, Guid RequestId, string Model, ClassificationOutcome? Outcome, string? LocalFailure,
    TimeSpan Elapsed)
{
    public bool Succeeded => Outcome?.Succeeded == true;

    /// <summary>Why the image has no result: the service's reason, or what went wrong here (a timeout, an unreadable file).</summary>
    public string? FailureReason => LocalFailure ?? Outcome?.Failure?.Reason;

    /// <summary>Where it failed: a service's name, or <c>client</c>.</summary>
    public string? FailureStage => LocalFailure is not null ? "client" : Outcome?.Failure?.Stage;

    /// <summary>The service's kind of failure; null when it failed here or did not fail.</summary>
    public ClassificationFailureKind? FailureKind => LocalFailure is not null ? null : Outcome?.Failure?.Kind;
}
