using Vrf.Encoders;
using Vrf.Testing;

namespace Vrf.ResNet.Tests;

/// <summary>The kind's pretrained encoder written once as a 32-pixel digits folder, shared by a test class.</summary>
public sealed class PretrainedDigitsFolder : IDisposable
{
    private readonly TemporaryDirectory _root = new();

    public PretrainedDigitsFolder()
    {
        Kind.WritePretrained(Path, new PretrainedEncoderOptions(32, ResNetEncoderKind.DigitsPreprocessing));
    }

    public ResNetEncoderKind Kind { get; } = new();

    public string Path => _root.File("digits-32");

    public void Dispose() => _root.Dispose();
}
