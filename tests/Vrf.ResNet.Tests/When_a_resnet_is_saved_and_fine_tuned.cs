using Vrf.Imaging;
using Vrf.Encoders;
using Vrf.ResNet.Modeling;
using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.ResNet.Tests;

public sealed class When_a_resnet_is_saved_and_fine_tuned(ImportedResNet resnet) : IClassFixture<ImportedResNet>
{
    [Fact]
    public void A_saved_folder_loads_back_with_the_same_names_weights_and_features()
    {
        using var folder = new TemporaryDirectory();
        resnet.Encoder.Save(folder.Path);

        using var loaded = ResNetEncoder.Load(folder.Path, new ResNetLoadOptions { ImageSize = 64 });

        Assert.Equal(resnet.Encoder.Model.state_dict().Keys, loaded.Model.state_dict().Keys);
        Assert.Equal(64, loaded.Config.ImageSize);
        Assert.Equal(224, ResNetConfig.Load(folder.File(ResNetConfig.FileName)).ImageSize);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var batch = PreprocessedImage.ToBatch([loaded.Processor.Preprocess(TestImages.Decode("rings_32.png"))]);
        Assert.True(resnet.Encoder.Encode(batch).equal(loaded.Encode(batch)).all().item<bool>());
        Assert.Equal(resnet.Encoder.Mean.Image.ToArray(), loaded.Mean.Image.ToArray());
    }

    [Fact]
    public void Parameter_names_follow_torchvision()
    {
        var names = resnet.Encoder.TrainableParameters.Select(p => p.Name).ToList();

        Assert.Contains("conv1.weight", names);
        Assert.Contains("bn1.weight", names);
        Assert.Contains("layer1.1.conv2.weight", names);
        Assert.Contains("layer2.0.downsample.0.weight", names);
        Assert.Contains("layer4.2.bn2.bias", names);
        Assert.DoesNotContain(names, n => n.StartsWith("layer1.0.downsample", StringComparison.Ordinal));
        Assert.Contains("layer3.0.downsample.1.running_var", resnet.Encoder.Model.state_dict().Keys);
    }

    [Fact]
    public void Training_mode_updates_the_running_statistics_unless_they_are_frozen()
    {
        using var folder = new TemporaryDirectory();
        resnet.Encoder.Save(folder.Path);
        using var encoder = ResNetEncoder.Load(folder.Path, new ResNetLoadOptions { ImageSize = 32 });
        using var scope = NewDisposeScope();
        var batch = PreprocessedImage.ToBatch(TestImages.Names.Select(n => encoder.Processor.Preprocess(TestImages.Decode(n))));
        var before = encoder.Model.state_dict()["bn1.running_mean"].clone();

        encoder.Model.FreezeBatchNormStatistics = true;
        encoder.Model.train();
        encoder.Encode(batch).sum().backward();
        Assert.True(before.equal(encoder.Model.state_dict()["bn1.running_mean"]).all().item<bool>());
        Assert.NotNull(encoder.TrainableParameters.First(p => p.Name == "bn1.weight").Parameter.grad);

        encoder.Model.FreezeBatchNormStatistics = false;
        encoder.Model.train();
        using (no_grad())
        {
            encoder.Encode(batch);
        }
        Assert.False(before.equal(encoder.Model.state_dict()["bn1.running_mean"]).all().item<bool>());
    }
}
