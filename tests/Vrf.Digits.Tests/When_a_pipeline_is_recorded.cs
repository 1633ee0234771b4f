using Vrf.Digits.Imaging;
using Vrf.Digits.Pipeline;

namespace Vrf.Digits.Tests;

public sealed class When_a_pipeline_is_recorded
{
    [Fact]
    public void Its_json_gives_back_the_same_steps()
    {
        var pipeline = ImagePipeline.Digits(32, InkPolarity.DarkOnLight);

        var json = pipeline.ToJson();
        var read = ImagePipeline.FromJson(json, "test");

        Assert.Equal(pipeline.Steps, read.Steps);
        Assert.Contains("\"op\": \"mnist-frame\"", json);
        Assert.Contains("\"ink\": \"DarkOnLight\"", json);
    }

    [Fact]
    public void The_digits_pipeline_turns_any_photo_into_a_grey_framed_digit_of_the_input_size()
    {
        var photo = Drawings.DarkSevenOnPaper().ToRgb();

        var image = ImagePipeline.Digits(32).Apply(photo);

        Assert.Equal(32, image.Width);
        Assert.Equal(32, image.Height);
        for (var i = 0; i < 32 * 32; i++)
        {
            Assert.Equal(image.Bytes[i * 3], image.Bytes[i * 3 + 1]);
            Assert.Equal(image.Bytes[i * 3], image.Bytes[i * 3 + 2]);
        }
        Assert.Equal(0, image[0, 0, 0]);
        Assert.True(image.Bytes.ToArray().Max() > 200);
    }

    [Fact]
    public void An_unknown_step_is_refused_with_the_file_named()
    {
        var error = Assert.Throws<InvalidDataException>(() => ImagePipeline.FromJson("""{"steps": [{"op": "sharpen"}]}""", "bundle/image-pipeline.json"));

        Assert.Contains("bundle/image-pipeline.json", error.Message);
    }
}
