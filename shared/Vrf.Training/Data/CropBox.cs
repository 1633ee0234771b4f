namespace Vrf.Training.Data;

/// <summary>A crop of an image: its top-left corner and size in pixels.</summary>
internal readonly record struct CropBox(int Left, int Top, int Width, int Height);
