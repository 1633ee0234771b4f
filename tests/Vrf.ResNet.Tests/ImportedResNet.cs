namespace Vrf.ResNet.Tests;

/// <summary>The ImageNet ResNet-18 imported once from the restored NuGet package, shared by a test class.</summary>
public sealed class ImportedResNet : IDisposable
{
    public ResNet18Package Package { get; } = ResNet18Package.Restored;

    public ResNetEncoder Encoder { get; } = ResNetEncoder.FromOnnx(ResNet18Package.Restored);

    public void Dispose() => Encoder.Dispose();
}
