namespace Vrf.Imaging;

/// <summary>HF's <c>get_resize_output_image_size(default_to_square=False)</c>: the shorter side becomes the target.</summary>
public static class ShortestEdge
{
    /// <summary>The resized size; the longer side is <c>int(edge * long / short)</c>, truncated as Python's int() does.</summary>
    public static (int Width, int Height) Fit(int width, int height, int edge)
    {
        var (shorter, longer) = width <= height ? (width, height) : (height, width);
        var newLonger = (int)((double)((long)edge * longer) / shorter);
        return width <= height ? (edge, newLonger) : (newLonger, edge);
    }
}
