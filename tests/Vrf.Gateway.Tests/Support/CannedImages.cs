using System.Text;
using Vrf.Testing;

namespace Vrf.Gateway.Tests.Support;

/// <summary>
/// The "images" the tests upload. The gateway never decodes an image, so any bytes do; these contents tell
/// <see cref="CannedPipeline"/> which outcome to publish.
/// </summary>
public static class CannedImages
{
    /// <summary>A real PNG (from the clip-tiny fixture): the pipeline classifies it.</summary>
    public static byte[] Png { get; } = File.ReadAllBytes(RepositoryPaths.Fixture("clip-tiny", "rings_32.png"));

    /// <summary>The pipeline's embedding stage rejects it as undecodable.</summary>
    public static byte[] Corrupt { get; } = Encoding.ASCII.GetBytes("corrupt: not an image");

    /// <summary>The pipeline answers that the requested version does not exist (another replica retired it, say).</summary>
    public static byte[] OfVanishedVersion { get; } = Encoding.ASCII.GetBytes("vanished: the version is gone");

    /// <summary>The pipeline answers that the version was retired after the gateway checked it, in words that name no status.</summary>
    public static byte[] OfRetiredVersion { get; } = Encoding.ASCII.GetBytes("retired: the version is no longer served");

    /// <summary>The pipeline answers that one of its services failed (a bug or an outage), whatever the reason says.</summary>
    public static byte[] Crashing { get; } = Encoding.ASCII.GetBytes("crashing: a service fails");

    /// <summary>The pipeline classifies it with a version whose zero-shot failure set is empty: d is +∞ and ω is 0.</summary>
    public static byte[] OfEmptyFailureSet { get; } = Encoding.ASCII.GetBytes("far: no zero-shot failure to measure to");

    /// <summary>The pipeline never answers.</summary>
    public static byte[] Unanswered { get; } = Encoding.ASCII.GetBytes("unanswered: no result ever comes");
}
