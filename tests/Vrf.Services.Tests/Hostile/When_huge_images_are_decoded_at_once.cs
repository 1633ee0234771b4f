using Microsoft.Extensions.Options;
using Vrf.Imaging;
using Vrf.Services.Embedding;

namespace Vrf.Services.Tests.Hostile;

/// <summary>
/// The embedding service decodes the images of every message it processes at once; genuine huge images (allowed up to
/// 100 megapixels) must not all be decoded together. Each reserves its share of <c>Embedding:DecodingMemoryMiB</c>
/// from its header before it is decoded, in arrival order.
/// </summary>
public sealed class When_huge_images_are_decoded_at_once
{
    private const long Megapixel = 1_000_000;

    [Fact]
    public async Task Should_let_an_image_wait_while_others_hold_the_budget_and_run_it_once_they_give_it_back()
    {
        using var budget = Budget(mebibytes: 32);
        var first = await budget.ReserveAsync(2 * Megapixel, TestContext.Current.CancellationToken);

        var second = budget.ReserveAsync(2 * Megapixel, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.False(second.IsCompleted, "two images of 20 MB each were decoded at once within a budget of 32 MiB");
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public async Task Should_decode_small_images_side_by_side()
    {
        using var budget = Budget(mebibytes: 32);

        var leases = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => budget.ReserveAsync(224 * 224, TestContext.Current.CancellationToken)))
            .WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        Array.ForEach(leases, lease => lease.Dispose());
    }

    [Fact]
    public async Task Should_run_an_image_larger_than_the_whole_budget_alone_and_keep_arrival_order()
    {
        using var budget = Budget(mebibytes: 16);
        var small = await budget.ReserveAsync(Megapixel / 4, TestContext.Current.CancellationToken);

        var huge = budget.ReserveAsync(100 * Megapixel, TestContext.Current.CancellationToken);
        var later = budget.ReserveAsync(Megapixel / 4, TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);

        Assert.False(huge.IsCompleted, "an image larger than the budget was decoded beside another");
        Assert.False(later.IsCompleted, "an image that arrived after a waiting one overtook it");
        small.Dispose();
        var hugeLease = await huge.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.False(later.IsCompleted, "an image was decoded beside one that holds the whole budget");
        hugeLease.Dispose();
        (await later.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken)).Dispose();
    }

    [Fact]
    public void Should_read_an_image_s_size_from_its_header_with_the_decoder_s_checks()
    {
        var decoder = new ImageDecoder(new ImageDecodingOptions());
        var image = Support.QueryImages.Drawn(0, seed: 1);

        using var opened = decoder.Open(image, "drawn.png");
        Assert.Equal((long)decoder.Decode(image, "drawn.png").Width * decoder.Decode(image, "drawn.png").Height, opened.Pixels);
        Assert.Throws<ImageDecodeException>(() => decoder.Open([], "empty.png"));
        Assert.Throws<ImageDecodeException>(() => decoder.Open("not an image"u8, "notes.png"));
    }

    private static DecodingBudget Budget(int mebibytes) =>
        new(Options.Create(new EmbeddingOptions { DecodingMemoryMiB = mebibytes }));
}
