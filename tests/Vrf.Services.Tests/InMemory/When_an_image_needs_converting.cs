using Vrf.Imaging;
using Vrf.Services.Tests.Support;

namespace Vrf.Services.Tests.InMemory;

public sealed class When_an_image_needs_converting(ReadyStore store) : IClassFixture<ReadyStore>, IAsyncLifetime
{
    private InMemoryPipeline _pipeline = null!;

    public static TheoryData<string> Formats => ["greyscale.png", "cmyk.jpg", "16-bit.png"];

    public async ValueTask InitializeAsync() => _pipeline = await InMemoryPipeline.StartAsync(store.Root);

    public ValueTask DisposeAsync() => _pipeline.DisposeAsync();

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Should_convert_it_to_RGB_and_classify_it_like_the_reference(string format)
    {
        var image = format switch
        {
            "greyscale.png" => QueryImages.Greyscale(),
            "cmyk.jpg" => QueryImages.CmykJpeg(),
            _ => QueryImages.SixteenBit(),
        };
        var request = Requests.Classify(image, format);

        var result = await _pipeline.ClassifiedAsync(request);

        (await store.ClassifyAsync(image, Requests.Reference(request))).AssertMatches(result);
    }

    [Fact]
    public void A_CMYK_jpeg_decodes_to_the_colours_Pillow_gives_it()
    {
        var image = new ImageDecoder(new ImageDecodingOptions()).Decode(QueryImages.CmykJpeg(), "cmyk.jpg");

        // Pillow 9.4 reads (219, 40, 40), (51, 68, 227) and (235, 225, 210); JPEG decoders may differ by a few levels.
        AssertNear([219, 40, 40], image, 13, 15);
        AssertNear([51, 68, 227], image, 23, 9);
        AssertNear([235, 225, 210], image, 1, 1);
    }

    private static void AssertNear(byte[] expected, RgbImage image, int x, int y)
    {
        for (var channel = 0; channel < 3; channel++)
        {
            Assert.InRange(image[y, x, channel], expected[channel] - 6, expected[channel] + 6);
        }
    }
}
