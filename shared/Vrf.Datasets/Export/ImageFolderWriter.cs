using SkiaSharp;
using Vrf.Digits.Imaging;

namespace Vrf.Datasets.Export;

/// <summary>
/// Writes grey images as PNG files into an ImageFolder (<c>root/&lt;class&gt;/&lt;name&gt;.png</c>). A file is written
/// next to its place and renamed into it when complete, so a stopped run never leaves a partial image; a file already
/// in place is kept (<see cref="Write"/> says so), which is how a re-run skips finished work. Thread-safe.
/// </summary>
public sealed class ImageFolderWriter(string root)
{
    public string Root { get; } = root;

    public string PathOf(string className, string name) => Path.Combine(Root, className, name + ".png");

    /// <returns>True when the file was written, false when it was already there.</returns>
    public bool Write(string className, string name, Func<GreyImage> image)
    {
        var path = PathOf(className, name);
        if (File.Exists(path))
        {
            return false;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".partial";
        File.WriteAllBytes(partial, EncodePng(image()));
        File.Move(partial, path, overwrite: true);
        return true;
    }

    public static byte[] EncodePng(GreyImage image)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque);
        using var bitmap = new SKBitmap(info);
        image.Bytes.CopyTo(bitmap.GetPixelSpan());
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
