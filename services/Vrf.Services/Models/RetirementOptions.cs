using System.ComponentModel.DataAnnotations;

namespace Vrf.Services.Models;

/// <summary>How long a retired version still serves the requests it had started (section <c>Retirement</c>).</summary>
public sealed class RetirementOptions
{
    public const string Section = "Retirement";

    /// <summary>
    /// After a version's retirement, how long the failure-index and scorer services still finish requests the version
    /// embedded (10 minutes): a request past the embedding service ends on the version it started with, even when it
    /// waited out a broker restart in a queue. Later ones fail as retired, and every worker frees what it held for the
    /// version.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan Grace { get; set; } = TimeSpan.FromMinutes(10);
}
