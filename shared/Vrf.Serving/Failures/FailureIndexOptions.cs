using System.ComponentModel.DataAnnotations;

namespace Vrf.Serving.Failures;

/// <summary>The <c>FailureIndex</c> configuration section.</summary>
public sealed class FailureIndexOptions
{
    public const string Section = "FailureIndex";

    public FailureIndexKind Kind { get; set; } = FailureIndexKind.Embedded;

    /// <summary>Used when <see cref="Kind"/> is <see cref="FailureIndexKind.Qdrant"/> (<c>FailureIndex:Qdrant</c>).</summary>
    [Required]
    public QdrantIndexOptions Qdrant { get; set; } = new();
}
