using System.ComponentModel.DataAnnotations;
using Vrf.Serving.Datasets;

namespace Vrf.Serving.Failures;

/// <summary>The <c>FailureIndex</c> configuration section.</summary>
public sealed class FailureIndexOptions
{
    public const string Section = "FailureIndex";

    public FailureIndexKind Kind { get; set; } = FailureIndexKind.Embedded;

    /// <summary>Used when <see cref="Kind"/> is <see cref="FailureIndexKind.Qdrant"/> (<c>FailureIndex:Qdrant</c>).</summary>
    [Required]
    public QdrantIndexOptions Qdrant { get; set; } = new();

    /// <summary>The folders an index build may read a version's training and validation images from
    /// (<c>FailureIndex:DataRoots:N</c>); a manifest naming a folder outside them, with <c>..</c> or through a link that
    /// leads out, fails the build. Empty: any folder this process can read (a service on a user's own machine).</summary>
    [AbsoluteFolders]
    public List<string> DataRoots { get; set; } = [];
}
