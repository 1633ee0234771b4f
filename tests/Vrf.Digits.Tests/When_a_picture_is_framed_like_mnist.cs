using Vrf.Digits.Imaging;

namespace Vrf.Digits.Tests;

public sealed class When_a_picture_is_framed_like_mnist
{
    [Fact]
    public void A_dark_digit_on_light_paper_becomes_a_light_digit_of_20_px_centred_by_mass_in_28_px()
    {
        var framed = MnistFraming.Frame(Drawings.DarkSevenOnPaper(), InkPolarity.Auto);

        Assert.Equal(28, framed.Width);
        Assert.Equal(28, framed.Height);
        var box = Drawings.InkBox(framed);
        Assert.Equal(20, Math.Max(box.Width, box.Height));
        var (x, y) = Drawings.CentreOfMass(framed);
        Assert.InRange(x, 13.0, 14.0);
        Assert.InRange(y, 13.0, 14.0);
        Assert.Equal(0, framed[0, 0]);
        Assert.Equal(255, framed.Bytes.ToArray().Max());
    }

    [Fact]
    public void The_border_decides_the_polarity_when_asked_to()
    {
        var photo = Drawings.DarkSevenOnPaper();

        Assert.True(MnistFraming.IsDarkOnLight(photo));
        Assert.Equal(MnistFraming.Frame(photo, InkPolarity.DarkOnLight).Bytes.ToArray(), MnistFraming.Frame(photo, InkPolarity.Auto).Bytes.ToArray());
        Assert.Equal(MnistFraming.Frame(photo, InkPolarity.Auto).Bytes.ToArray(), MnistFraming.Frame(photo.Inverted(), InkPolarity.Auto).Bytes.ToArray());
    }

    [Fact]
    public void A_framed_digit_framed_again_is_unchanged()
    {
        var framed = MnistFraming.Frame(Drawings.DarkSevenOnPaper(), InkPolarity.Auto);

        Assert.Equal(framed.Bytes.ToArray(), MnistFraming.Frame(framed, InkPolarity.LightOnDark).Bytes.ToArray());
    }

    [Fact]
    public void An_image_without_ink_gives_a_black_canvas()
    {
        var blank = new GreyImage(40, 30, Enumerable.Repeat((byte)200, 1200).ToArray());

        var framed = MnistFraming.Frame(blank, InkPolarity.Auto);

        Assert.All(framed.Bytes.ToArray(), p => Assert.Equal(0, p));
    }

    [Fact]
    public void A_small_picture_is_scaled_up_to_the_box()
    {
        var tiny = new GreyImage(8, 8, new byte[64]);
        var pixels = tiny.Bytes.ToArray();
        for (var y = 2; y < 6; y++)
        {
            pixels[y * 8 + 3] = 255;
        }

        var framed = MnistFraming.Frame(new GreyImage(8, 8, pixels), InkPolarity.LightOnDark);

        Assert.Equal(20, Drawings.InkBox(framed).Height);
    }
}
