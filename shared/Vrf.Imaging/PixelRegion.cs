namespace Vrf.Imaging;

/// <summary>A rectangle of pixels: <paramref name="Left"/>, <paramref name="Top"/> and its size.</summary>
public readonly record struct PixelRegion(int Left, int Top, int Width, int Height)
{
    public bool IsEmpty => Width <= 0 || Height <= 0;

    public static PixelRegion Whole(int width, int height) => new(0, 0, width, height);

    public PixelRegion Intersect(PixelRegion other)
    {
        var left = Math.Max(Left, other.Left);
        var top = Math.Max(Top, other.Top);
        var right = Math.Min(Left + Width, other.Left + other.Width);
        var bottom = Math.Min(Top + Height, other.Top + other.Height);
        return new PixelRegion(left, top, Math.Max(right - left, 0), Math.Max(bottom - top, 0));
    }
}
