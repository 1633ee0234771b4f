using Vrf.Encoders;
using Vrf.Encoders.ZeroShot;

namespace Vrf.Serving.Store;

/// <summary>One file or folder of a new version (an encoder folder, a head), written into place by
/// <see cref="BundleWriter"/> while the version is assembled.</summary>
public sealed class BundlePart
{
    private readonly Action<string> _write;

    private BundlePart(Action<string> write) => _write = write;

    /// <summary>An encoder folder copied as it is. Encoder folders are flat: sub-folders are not part of them.</summary>
    public static BundlePart CopyOfFolder(string folder) => new(target =>
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    });

    /// <summary>A file (a head) copied as it is.</summary>
    public static BundlePart CopyOfFile(string file) => new(target => File.Copy(file, target));

    /// <summary>An encoder written with its current weights (fine-tuned, interpolated) as a folder of its kind.</summary>
    public static BundlePart Encoder(IImageEncoder encoder) => new(encoder.Save);

    /// <summary>A head written in the head format.</summary>
    public static BundlePart Head(ZeroShotHead head) => new(head.Save);

    /// <summary>Written by a step that runs while the version is assembled and may still refuse it (the version is then
    /// not created), such as building a head or checking a given one.</summary>
    public static BundlePart WrittenBy(Action<string> write) => new(write);

    internal void WriteTo(string path) => _write(path);
}
