using Vrf.Imaging;
using Vrf.Encoders;
using static TorchSharp.torch;

namespace Vrf.ResNet.Tests;

public sealed class When_the_rebuilt_resnet_runs_beside_onnx_runtime(ImportedResNet resnet, ITestOutputHelper output)
    : IClassFixture<ImportedResNet>
{
    private const float FeatureTolerance = 1e-4f;

    [Fact]
    public void Its_features_agree_with_the_packages_own_graphs_at_224_px()
    {
        using var reference = new OnnxRuntimeReference(resnet.Package);
        using var noGrad = no_grad();
        var worst = 0f;
        foreach (var name in TestImages.Names)
        {
            var image = resnet.Encoder.Processor.Preprocess(TestImages.Decode(name));
            var expected = reference.Features(TestImages.RgbPlanes(image.Pixels), 224);

            using var scope = NewDisposeScope();
            var actual = resnet.Encoder.Encode(PreprocessedImage.ToBatch([image])).data<float>().ToArray();

            Assert.Equal(512, actual.Length);
            Assert.Equal(expected.Length, actual.Length);
            var error = expected.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
            output.WriteLine($"{name}: max |ONNX Runtime - TorchSharp| = {error:E2} (features up to {expected.Max():F3})");
            worst = Math.Max(worst, error);
        }
        output.WriteLine($"max abs error over {TestImages.Names.Count()} images at 224 px: {worst:E2}");
        Assert.InRange(worst, 0, FeatureTolerance);
    }

    [Fact]
    public void Its_preprocessing_equals_the_packages_preprocessing_graph()
    {
        using var reference = new OnnxRuntimeReference(resnet.Package);
        foreach (var name in TestImages.Names)
        {
            var image = resnet.Encoder.Processor.Preprocess(TestImages.Decode(name));

            var expected = reference.Preprocess(TestImages.RgbPlanes(image.Pixels), 224);

            Assert.Equal(expected, image.PixelValues);
        }
    }
}
