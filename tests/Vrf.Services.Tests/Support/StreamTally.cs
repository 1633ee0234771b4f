using System.Globalization;
using Vrf.Client;

namespace Vrf.Services.Tests.Support;

/// <summary>
/// What became of a stream of requests, as every fault test reports it: sent, answered once with a result, failed
/// (with the reasons), unanswered (with why), and the second outcomes the client dropped as duplicates or as late.
/// </summary>
public sealed record StreamTally(int Sent, int Classified, IReadOnlyList<string> Failed, IReadOnlyList<string> Unanswered,
    long Duplicates, long Late)
{
    public static StreamTally Of(IReadOnlyList<LoopedRequest> requests, PendingClassifications pending)
    {
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(pending);
        return new StreamTally(
            requests.Count,
            requests.Count(request => request.Outcome?.Succeeded == true),
            [.. requests.Where(request => request.Outcome is { Succeeded: false }).Select(request => request.Describe())],
            [.. requests.Where(request => request.Outcome is null).Select(request => request.Describe())],
            pending.DuplicatesDropped,
            pending.LateDropped);
    }

    /// <summary>Every request answered with a result, exactly once as far as the caller is concerned.</summary>
    public bool AllClassified => Classified == Sent && Failed.Count == 0 && Unanswered.Count == 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"sent {Sent}, classified {Classified}, failed {Failed.Count}, unanswered {Unanswered.Count}, " +
        $"duplicates dropped {Duplicates}, late outcomes dropped {Late}");

    /// <summary>The failures and unanswered requests, one a line, for an assertion's message.</summary>
    public string Details() => string.Join('\n', Failed.Concat(Unanswered));
}
