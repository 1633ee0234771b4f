namespace Vrf.Datasets.Mnist;

/// <summary>MNIST's two published sets: 60,000 training and 10,000 test images.</summary>
public enum MnistSplit
{
    Train,
    Test,
}
