using Vrf.Clip.Preprocessing;
using Vrf.Imaging;
using Vrf.Testing.Models;
using Vrf.Training.Data;

namespace Vrf.Training.Tests.Data;

public sealed class AugmentationTests
{
    [Fact]
    public void Random_resized_crops_keep_90_to_100_percent_of_the_area_within_the_aspect_range_and_inside_the_image()
    {
        for (var sample = 0; sample < 500; sample++)
        {
            var box = RandomResizedCrop.Sample(300, 200, SeededRandom.For(0, 0, 0, sample));

            Assert.InRange(box.Left, 0, 300 - box.Width);
            Assert.InRange(box.Top, 0, 200 - box.Height);
            Assert.InRange((double)box.Width * box.Height / (300 * 200), 0.88, 1.0);
            Assert.InRange((double)box.Width / box.Height, 0.74, 1.34);
        }
    }

    [Fact]
    public void An_image_no_crop_fits_falls_back_to_the_centred_crop_of_the_widest_allowed_ratio()
    {
        var box = RandomResizedCrop.Sample(100, 10, SeededRandom.For(3, 1, 2, 4));

        Assert.Equal(new PixelRegion(43, 0, 13, 10), box);
    }

    [Fact]
    public void Draws_depend_only_on_seed_and_keys_so_a_resumed_run_draws_the_same()
    {
        Assert.Equal(SeededRandom.For(5, 0, 3).Permutation(50), SeededRandom.For(5, 0, 3).Permutation(50));
        Assert.NotEqual(SeededRandom.For(5, 0, 3).Permutation(50), SeededRandom.For(5, 0, 4).Permutation(50));
        Assert.NotEqual(SeededRandom.For(5, 0, 3).Permutation(50), SeededRandom.For(6, 0, 3).Permutation(50));
        Assert.Equal(Enumerable.Range(0, 50), SeededRandom.For(5, 0, 3).Permutation(50).Order());
        Assert.Equal(RandomResizedCrop.Sample(64, 48, SeededRandom.For(1, 0, 2, 7)), RandomResizedCrop.Sample(64, 48, SeededRandom.For(1, 0, 2, 7)));
    }

    [Fact]
    public void A_crop_of_the_whole_image_at_its_own_size_is_the_evaluation_preprocessing_of_it()
    {
        var processor = ClipImageProcessor.FromFolder(TinyClip.ZeroShotFolder);
        var image = processor.Decoder.Decode(TinyImages.Draw(1, new Random(3)), "drawn");

        var cropped = processor.PreprocessCrop(image, 0, 0, image.Width, image.Height, TinyImages.Size);

        Assert.Equal(processor.Preprocess(image).PixelValues, cropped.PixelValues);
    }

    [Fact]
    public void A_crop_is_cut_out_and_resized_with_Pillow_s_bicubic_filter_as_the_evaluation_resize_does()
    {
        var processor = ClipImageProcessor.FromFolder(TinyClip.ZeroShotFolder);
        var image = processor.Decoder.Decode(TinyImages.Draw(0, new Random(4)), "drawn");
        var cut = new byte[20 * 20 * RgbImage.Channels];
        for (var y = 0; y < 20; y++)
        {
            image.Bytes.Slice(((5 + y) * image.Width + 3) * RgbImage.Channels, 20 * RgbImage.Channels).CopyTo(cut.AsSpan(y * 20 * RgbImage.Channels));
        }

        var trainingCrop = processor.PreprocessCrop(image, 3, 5, 20, 20, TinyImages.Size);

        Assert.Equal(processor.Preprocess(new RgbImage(20, 20, cut)).PixelValues, trainingCrop.PixelValues);
        Assert.NotEqual(processor.Preprocess(image).PixelValues, trainingCrop.PixelValues);
    }
}
