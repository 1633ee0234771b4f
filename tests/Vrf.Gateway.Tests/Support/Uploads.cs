using System.Net.Http.Headers;

namespace Vrf.Gateway.Tests.Support;

/// <summary>Request bodies the way clients send images.</summary>
public static class Uploads
{
    /// <summary>A form with the image in a file field, as <c>curl -F image=@photo.png</c> sends it.</summary>
    public static MultipartFormDataContent Form(byte[] image, string field = "image", string fileName = "photo.png")
    {
        var form = new MultipartFormDataContent();
        form.Add(Raw(image, "image/png"), field, fileName);
        return form;
    }

    /// <summary>The image as the whole body, as <c>curl --data-binary @photo.png -H 'Content-Type: image/png'</c> sends it.</summary>
    public static ByteArrayContent Raw(byte[] image, string contentType = "image/png")
    {
        var content = new ByteArrayContent(image);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }
}
