namespace Vrf.Gateway.Tests.Support;

/// <summary>A body whose length the client cannot tell, so it is sent chunked, without a Content-Length.</summary>
public sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
{
    public override bool CanSeek => false;
}
