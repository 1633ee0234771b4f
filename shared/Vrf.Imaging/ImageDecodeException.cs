namespace Vrf.Imaging;

/// <summary>An image could not be turned into pixels: empty, not an image, corrupt, truncated or too large.</summary>
public class ImageDecodeException : Exception
{
    public ImageDecodeException(string imageSource, string reason, Exception? innerException = null)
        : base($"Cannot decode image '{imageSource}': {reason}", innerException)
    {
        ImageSource = imageSource;
        Reason = reason;
    }

    /// <summary>Where the bytes came from: a file path or a request id.</summary>
    public string ImageSource { get; }

    public string Reason { get; }
}
