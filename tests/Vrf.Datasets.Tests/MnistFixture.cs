using Vrf.Datasets.Mnist;

namespace Vrf.Datasets.Tests;

/// <summary>MNIST from the set-up's cache (scripts/install-prerequisites.sh data), loaded once per test class.</summary>
public sealed class MnistFixture
{
    public string Folder { get; } = MnistCache.DefaultFolder;

    public MnistSet Test { get; } = MnistSet.Load(MnistCache.DefaultFolder, MnistSplit.Test);

    public MnistSet Train { get; } = MnistSet.Load(MnistCache.DefaultFolder, MnistSplit.Train);
}
