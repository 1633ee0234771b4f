namespace Vrf.Gateway.Classification;

/// <summary>The encoded image of a classify request, and the name it was uploaded under (none for a raw body).</summary>
internal sealed record UploadedImage(byte[] Bytes, string? FileName);
