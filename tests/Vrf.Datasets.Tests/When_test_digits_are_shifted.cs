using Vrf.Datasets.Export;
using Vrf.Datasets.Shifts;
using Vrf.Digits.Glyphs;
using Vrf.Digits.Imaging;
using Vrf.Imaging;
using Vrf.Testing;

namespace Vrf.Datasets.Tests;

public sealed class When_test_digits_are_shifted(MnistFixture mnist) : IClassFixture<MnistFixture>, IDisposable
{
    private readonly GlyphRenderer renderer = new();

    public static TheoryData<string> RandomShifts => ["rotate", "shear", "shot-noise", "fog", "motion-blur", "printed"];

    private IDigitShift Shift(string name) => DigitShifts.Named([name], renderer).Single();

    private byte[] Shifted(string name, int seed, int index) =>
        Shift(name).Apply(mnist.Test.Image(index), mnist.Test.Label(index), SeededRandom.For(seed, Shift(name).Key, index)).Bytes.ToArray();

    [Theory]
    [MemberData(nameof(RandomShifts))]
    public void Each_image_is_a_function_of_the_seed_and_its_index(string name)
    {
        var images = Enumerable.Range(0, 8).Select(i => Shifted(name, 5, i)).ToList();

        Assert.Equal(images, Enumerable.Range(0, 8).Select(i => Shifted(name, 5, i)));
        Assert.NotEqual(images, Enumerable.Range(0, 8).Select(i => Shifted(name, 6, i)));
        Assert.All(images, image => Assert.Equal(28 * 28, image.Length));
        Assert.NotEqual(mnist.Test.Image(0).Bytes.ToArray(), images[0]);
    }

    [Fact]
    public void Inverse_flips_every_pixel()
    {
        var image = mnist.Test.Image(1);

        Assert.Equal(image.Bytes.ToArray().Select(p => (byte)(255 - p)), Shifted("inverse", 0, 1));
    }

    [Fact]
    public void Shot_noise_leaves_only_multiples_of_a_third()
    {
        Assert.All(Shifted("shot-noise", 0, 2), p => Assert.Contains(p, new byte[] { 0, 85, 170, 255 }));
    }

    [Fact]
    public void Fog_lights_up_the_background_and_keeps_values_in_range()
    {
        var fogged = Shifted("fog", 0, 0);

        Assert.True(fogged.Take(28).Average(p => p) > 10);
    }

    [Fact]
    public void Rotation_turns_the_digit_about_the_centre_by_0_4_rad()
    {
        var bar = new byte[28 * 28];
        for (var y = 4; y < 24; y++)
        {
            bar[y * 28 + 13] = bar[y * 28 + 14] = 255;
        }

        var turned = new RotationShift().Apply(new GreyImage(28, 28, bar), 1, SeededRandom.For(0, 1, 0));

        var top = Enumerable.Range(0, 28).Where(x => turned[6, x] > 100).Average();
        Assert.InRange(Math.Abs(top - 13.5), (13.5 - 6) * Math.Tan(0.4) - 1.5, (13.5 - 6) * Math.Tan(0.4) + 1.5);
    }

    [Fact]
    public void Printed_digits_look_most_like_their_label_drawn_in_the_held_out_fonts()
    {
        for (var index = 0; index < 5; index++)
        {
            var printed = Shifted("printed", 0, index);

            var closest = Enumerable.Range(0, 10).MinBy(digit => (
                from font in GlyphFonts.HeldOut
                from stroke in new[] { 0f, 0.04f, 0.08f }
                let drawn = renderer.Render(digit.ToString(), new GlyphTemplate(font.File, 48, stroke, 0))!.Bytes.ToArray()
                select drawn.Zip(printed, (a, b) => (double)(a - b) * (a - b)).Sum()).Min());

            Assert.Equal(mnist.Test.Label(index), closest);
        }
    }

    [Fact]
    public void The_export_writes_one_image_folder_per_shift_with_the_test_files_names()
    {
        using var output = new TemporaryDirectory();

        var splits = MnistShiftExport.Write(
            new MnistShiftOptions { Output = output.Path, MnistFolder = mnist.Folder, Shifts = ["fog", "inverse"], TestLimit = 12, Seed = 1 },
            cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["fog", "inverse"], splits.Select(s => s.Name));
        Assert.All(splits, split => Assert.Equal(12, split.Written));
        Assert.True(File.Exists(Path.Combine(output.Path, "inverse", mnist.Test.Label(11).ToString(), "00011.png")));
    }

    [Fact]
    public void An_unknown_shift_is_refused_with_the_list()
    {
        var error = Assert.Throws<ArgumentException>(() => DigitShifts.Named(["snow"], renderer));

        Assert.Contains("motion-blur", error.Message);
    }

    public void Dispose() => renderer.Dispose();
}
