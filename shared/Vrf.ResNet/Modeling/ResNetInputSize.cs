namespace Vrf.ResNet.Modeling;

/// <summary>
/// The image sizes the ResNet takes: multiples of 32. The network halves the size five times; at an odd size a
/// stride-2 3x3 convolution padded at the start only and its 1x1 stride-2 shortcut disagree by one pixel and cannot
/// be added, so other sizes are refused up front.
/// </summary>
public static class ResNetInputSize
{
    public const int Multiple = 32;

    /// <summary>The size the ImageNet model was trained at and its mean image has.</summary>
    public const int ImageNet = 224;

    /// <summary>Why <paramref name="size"/> cannot be used, or null when it can.</summary>
    public static string? Problem(long size) =>
        size >= Multiple && size % Multiple == 0
            ? null
            : $"{size} px is not a multiple of {Multiple} (the network halves the size five times; try {Nearest(size)})";

    /// <exception cref="InvalidDataException"><paramref name="size"/> is not a positive multiple of 32: a size the user
    /// chose, which the tools report as a user error.</exception>
    public static void Check(long size, string what = "image size")
    {
        if (Problem(size) is { } problem)
        {
            throw new InvalidDataException($"The ResNet cannot take this {what}: {problem}.");
        }
    }

    private static long Nearest(long size) => Math.Max(Multiple, (long)Math.Round(size / (double)Multiple) * Multiple);
}
