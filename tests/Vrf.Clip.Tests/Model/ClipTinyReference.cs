using Vrf.Clip.Modeling;
using Vrf.Testing;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

/// <summary>The clip-tiny fixture loaded once per test class: the model, its reference outputs and the stored inputs.</summary>
public sealed class ClipTinyReference : IDisposable
{
    public ClipTinyReference()
    {
        Model = ClipModelFolder.Load(Folder);
        Expected = ExpectedTensors.Load(Path.Combine(Folder, "expected.json"));
        PixelValues = Input("pixel_values");
        InputIds = Input("input_ids");
        ZeroShotInputIds = Input("zeroshot_input_ids");
    }

    public static string Folder { get; } = Path.GetDirectoryName(RepositoryPaths.Fixture("clip-tiny", "model.safetensors"))!;

    public ClipModel Model { get; }

    public ExpectedTensors Expected { get; }

    /// <summary>[5, 3, 32, 32] float32, as stored (not re-preprocessed).</summary>
    public Tensor PixelValues { get; }

    /// <summary>[5, 77] int64.</summary>
    public Tensor InputIds { get; }

    /// <summary>[6, 77] int64: 3 classes x 2 templates, class-major.</summary>
    public Tensor ZeroShotInputIds { get; }

    public int ZeroShotClassCount => Expected.Root.GetProperty("zeroshot").GetProperty("classnames").GetArrayLength();

    public int ZeroShotTemplateCount => Expected.Root.GetProperty("zeroshot").GetProperty("templates").GetArrayLength();

    /// <summary>A stored tensor as a new TorchSharp tensor (float32 or int64), not bound to any dispose scope.</summary>
    public Tensor Input(string name)
    {
        var stored = Expected[name];
        var result = stored.IsInteger ? tensor(stored.AsInt64s(), stored.Shape) : tensor(stored.AsSingles(), stored.Shape);
        return result.DetachFromDisposeScope();
    }

    public void Dispose()
    {
        Model.Dispose();
        PixelValues.Dispose();
        InputIds.Dispose();
        ZeroShotInputIds.Dispose();
    }
}
