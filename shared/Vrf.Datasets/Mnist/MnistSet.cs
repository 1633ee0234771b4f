using Vrf.Datasets.Idx;
using Vrf.Digits.Imaging;

namespace Vrf.Datasets.Mnist;

/// <summary>One MNIST set: 28x28 grey digits (white on black) and their labels 0-9, in the files' order.</summary>
public sealed class MnistSet
{
    public const int ClassCount = 10;

    private readonly IdxArray images;
    private readonly IdxArray labels;

    private MnistSet(IdxArray images, IdxArray labels, string origin)
    {
        if (images.Dimensions.Count != 3 || labels.Dimensions.Count != 1 || images.Count != labels.Count)
        {
            throw new InvalidDataException(
                $"MNIST files in '{origin}' do not match: images [{string.Join(", ", images.Dimensions)}], labels [{string.Join(", ", labels.Dimensions)}].");
        }
        if (labels.Values.FirstOrDefault(l => l >= ClassCount) is var bad and >= ClassCount)
        {
            throw new InvalidDataException($"MNIST labels in '{origin}' hold {bad}; digits are 0-9.");
        }
        this.images = images;
        this.labels = labels;
    }

    public int Count => labels.Count;

    public int Height => images.Dimensions[1];

    public int Width => images.Dimensions[2];

    public static MnistSet Load(string folder, MnistSplit split)
    {
        var (imagesPath, labelsPath) = MnistCache.Files(folder, split);
        return new MnistSet(IdxReader.Read(imagesPath), IdxReader.Read(labelsPath), folder);
    }

    public int Label(int index) => labels.Values[index];

    public GreyImage Image(int index) => new(Width, Height, images.Item(index).ToArray());
}
