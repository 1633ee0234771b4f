using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Vrf.Gateway.Classification;

/// <summary>
/// Reads the image of a classify request: from <c>multipart/form-data</c> (the field <c>image</c>, else the first file)
/// or from the raw body (<c>image/*</c> or <c>application/octet-stream</c>), streaming it with a size limit so that an
/// oversized upload is refused as soon as it passes the limit.
/// </summary>
internal static class ImageUpload
{
    public const string FieldName = "image";
    public const string OctetStream = "application/octet-stream";
    public const string MultipartFormData = "multipart/form-data";

    /// <summary>Room for the boundaries, part headers and small fields around the image in a multipart body.</summary>
    internal const long MultipartAllowance = 64 * 1024;

    private const int ChunkSize = 80 * 1024;

    private const string HowToSend =
        "Send the image as multipart/form-data in the field 'image' (curl -F image=@photo.jpg) or as the raw body " +
        "with Content-Type image/* or application/octet-stream (curl --data-binary @photo.jpg -H 'Content-Type: image/jpeg').";

    /// <exception cref="ClassifyRequestException">400 (no image, a malformed form), 413 (over <paramref name="maxBytes"/>)
    /// or 415 (a body that is neither an image nor a form).</exception>
    public static async Task<UploadedImage> ReadAsync(HttpRequest request, long maxBytes, CancellationToken cancellationToken)
    {
        var contentType = ContentTypeOf(request);
        var multipart = contentType?.MediaType.Equals(MultipartFormData, StringComparison.OrdinalIgnoreCase) == true;
        if (!multipart && contentType is not null && !IsImageOrOctetStream(contentType))
        {
            throw new ClassifyRequestException(StatusCodes.Status415UnsupportedMediaType, "Unsupported image upload",
                $"A body of type '{contentType.MediaType}' is not an image. {HowToSend}");
        }

        var bodyLimit = multipart ? maxBytes + MultipartAllowance : maxBytes;
        if (request.ContentLength > bodyLimit)
        {
            throw TooLarge(maxBytes);
        }
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = bodyLimit;
        }

        UploadedImage image;
        try
        {
            image = multipart
                ? await ReadFormAsync(request, contentType!, maxBytes, cancellationToken)
                : new UploadedImage(await ReadLimitedAsync(request.Body, maxBytes, cancellationToken), null);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(maxBytes);
        }

        return image.Bytes.Length > 0
            ? image
            : throw BadRequest($"The image is empty. {HowToSend}");
    }

    private static MediaTypeHeaderValue? ContentTypeOf(HttpRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ContentType))
        {
            return null;
        }
        return MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed)
            ? parsed
            : throw new ClassifyRequestException(StatusCodes.Status415UnsupportedMediaType, "Unsupported image upload",
                $"The Content-Type '{request.ContentType}' cannot be read. {HowToSend}");
    }

    private static bool IsImageOrOctetStream(MediaTypeHeaderValue contentType) =>
        contentType.Type.Equals("image", StringComparison.OrdinalIgnoreCase)
        || contentType.MediaType.Equals(OctetStream, StringComparison.OrdinalIgnoreCase);

    private static async Task<UploadedImage> ReadFormAsync(HttpRequest request, MediaTypeHeaderValue contentType, long maxBytes,
        CancellationToken cancellationToken)
    {
        var boundary = HeaderUtilities.RemoveQuotes(contentType.Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw BadRequest("The multipart/form-data Content-Type names no boundary.");
        }

        // Sections past the limit fail inside the reader; the image's own limit is checked first, while it is read.
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = maxBytes + 1 };
        try
        {
            return await ReadImageSectionAsync(reader, maxBytes, cancellationToken)
                ?? throw BadRequest($"The form holds no file. {HowToSend}");
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not BadHttpRequestException)
        {
            throw BadRequest($"The body is not valid multipart/form-data: {e.Message}");
        }
    }

    /// <summary>The section named <see cref="FieldName"/>, else the first file; null when the form has neither.</summary>
    private static async Task<UploadedImage?> ReadImageSectionAsync(MultipartReader reader, long maxBytes, CancellationToken cancellationToken)
    {
        UploadedImage? firstFile = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var isImageField = string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FieldName, StringComparison.OrdinalIgnoreCase);
            if (!isImageField && (firstFile is not null || !disposition.IsFileDisposition()))
            {
                continue;
            }
            var image = new UploadedImage(await ReadLimitedAsync(section.Body, maxBytes, cancellationToken), FileNameOf(disposition));
            if (isImageField)
            {
                return image;
            }
            firstFile = image;
        }
        return firstFile;
    }

    private static string? FileNameOf(ContentDispositionHeaderValue disposition)
    {
        var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
        return string.IsNullOrWhiteSpace(name) ? null : Path.GetFileName(name.Replace('\\', '/'));
    }

    /// <summary>Reads at most one byte past <paramref name="maxBytes"/>, so that an oversized image is refused here as
    /// too large before a multipart section's own limit (<paramref name="maxBytes"/> + 1) fails it as a malformed form.</summary>
    private static async Task<byte[]> ReadLimitedAsync(Stream body, long maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[ChunkSize];
        int read;
        while ((read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length)), cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ClassifyRequestException TooLarge(long maxBytes) =>
        new(StatusCodes.Status413PayloadTooLarge, "Image too large",
            $"The image is larger than this gateway's limit of {maxBytes} bytes (Gateway:MaxImageBytes).");

    private static ClassifyRequestException BadRequest(string detail) =>
        new(StatusCodes.Status400BadRequest, "Invalid classify request", detail);
}
