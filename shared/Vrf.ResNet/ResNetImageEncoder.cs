using System.Globalization;
using TorchSharp.Modules;
using Vrf.Encoders;
using Vrf.ResNet.Modeling;
using static TorchSharp.torch;

namespace Vrf.ResNet;

/// <summary>
/// A loaded ResNet as the encoder seam takes it: every parameter is on the image path (batch norm's weights and biases
/// included) and the batch-norm running statistics are among the weights a weight-space ensemble mixes. Saving writes
/// the model folder with the other files of the folder it was loaded from (its image pipeline).
/// </summary>
/// <param name="sourceFolder">The folder the encoder was loaded from.</param>
public sealed class ResNetImageEncoder(ResNetEncoder encoder, string sourceFolder) : IImageEncoder
{
    public string Kind => ResNetEncoderKind.KindName;

    public Device Device => encoder.Device;

    public int EmbeddingDim => encoder.FeatureDim;

    public string Architecture
    {
        get
        {
            var config = encoder.Config;
            return string.Create(CultureInfo.InvariantCulture,
                $"ResNet with a {config.StemWidth}-wide stem, stages of [{string.Join(", ", config.StageBlocks)}] basic blocks " +
                $"[{string.Join(", ", config.StageWidths)}] wide, batch-norm ε {config.BatchNormEps:R}, {config.FeatureDim} features");
        }
    }

    public nn.Module Module => encoder.Model;

    public Tensor Encode(Tensor pixels) => encoder.Encode(pixels);

    public IReadOnlyList<(string Name, Parameter Parameter)> TrainableParameters => [.. encoder.TrainableParameters];

    public IReadOnlyList<(string Name, Tensor Weight)> ImageWeights =>
        [.. encoder.Model.state_dict().Where(entry => entry.Value.is_floating_point()).Select(entry => (entry.Key, entry.Value))];

    public void Save(string folder)
    {
        ArgumentNullException.ThrowIfNull(folder);
        Directory.CreateDirectory(folder);
        string[] written = [ResNetConfig.FileName, ResNetEncoder.WeightsFileName, ResNetEncoder.MeanImageFileName];
        foreach (var file in Directory.EnumerateFiles(sourceFolder))
        {
            var name = Path.GetFileName(file);
            if (!written.Contains(name))
            {
                File.Copy(file, Path.Combine(folder, name));
            }
        }
        encoder.Save(folder);
    }

    public void Dispose() => encoder.Dispose();
}
