using Vrf.Testing;
using Vrf.Testing.Models;

namespace Vrf.Serving.Tests.Support;

/// <summary>Two labelled splits of the tiny models' classes to evaluate on, in a temporary folder: drawn ID test images
/// and a colour-inverted OOD split.</summary>
public sealed class TestSplits : IDisposable
{
    public const int PerClass = 4;

    private readonly TemporaryDirectory _folder = new();

    public TestSplits()
    {
        TinyImages.WriteImageFolder(Id, TinyWorkspace.ClassNames, PerClass, seed: 3);
        TinyImages.WriteInvertedImageFolder(Inverted, TinyWorkspace.ClassNames, PerClass, seed: 4);
    }

    public string Id => _folder.File("id");

    public string Inverted => _folder.File("inverted");

    public void Dispose() => _folder.Dispose();
}
