using System.ComponentModel.DataAnnotations;

namespace Vrf.Client;

/// <summary>Settings of the classification client (section <c>ClassificationClient</c>).</summary>
public sealed class ClassificationClientOptions
{
    public const string Section = "ClassificationClient";

    /// <summary>How long one publish of a request may wait for the broker's confirm before it is given up and tried
    /// again (15 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan PublishAttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
