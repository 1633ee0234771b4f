using Vrf.Testing;
using Vrf.Training.Running;
using static TorchSharp.torch;

namespace Vrf.Training.Tests.Running;

public sealed class PyTorchAdamWTests
{
    private static readonly double[] Start = [0.5, -1.25, 2.0, 0.0];
    private static readonly double[][] Gradients = [[0.1, -0.2, 0.3, 0.0], [-0.4, 0.5, 0.05, 1.0], [0.2, 0.2, -0.7, -0.3]];

    [Fact]
    public void Three_steps_apply_PyTorch_s_AdamW_update_with_its_default_betas_and_decoupled_weight_decay()
    {
        const double lr = 1e-2;
        const double decay = 0.1;
        using var parameter = new TorchSharp.Modules.Parameter(tensor(Start, dtype: ScalarType.Float64));
        using var optimizer = PyTorchAdamW.Create([parameter], lr, decay);

        foreach (var gradient in Gradients)
        {
            Step(optimizer, parameter, gradient);
        }

        Assert.Equal(Reference(lr, decay), parameter.data<double>().ToArray(), new ToleranceComparer(1e-12));
    }

    /// <summary>Its step is TorchSharp's, written again with every number held: float32 parameters end bit for bit
    /// where TorchSharp's own AdamW takes them.</summary>
    [Fact]
    public void Steps_take_float32_parameters_exactly_where_TorchSharp_s_own_AdamW_takes_them()
    {
        using var ours = new TorchSharp.Modules.Parameter(tensor(Start, dtype: ScalarType.Float32));
        using var theirs = new TorchSharp.Modules.Parameter(tensor(Start, dtype: ScalarType.Float32));
        using var held = PyTorchAdamW.Create([ours], 3e-3, 0.05);
        using var plain = optim.AdamW([theirs], 3e-3, PyTorchAdamW.Beta1, PyTorchAdamW.Beta2, PyTorchAdamW.Epsilon, 0.05);

        foreach (var gradient in Gradients.Concat(Gradients))
        {
            Step(held, ours, gradient);
            Step(plain, theirs, gradient);
        }

        Assert.Equal(theirs.data<float>().ToArray(), ours.data<float>().ToArray());
    }

    [Fact]
    public void An_optimizer_loaded_from_a_saved_state_continues_exactly_as_the_original()
    {
        using var folder = new TemporaryDirectory();
        using var original = new TorchSharp.Modules.Parameter(tensor(Start, dtype: ScalarType.Float64));
        using var copy = new TorchSharp.Modules.Parameter(tensor(Start, dtype: ScalarType.Float64));
        using var first = PyTorchAdamW.Create([original], 1e-2, 0.1);
        Step(first, original, Gradients[0]);
        Step(first, original, Gradients[1]);
        first.save_state_dict(folder.File("adamw.bin"));
        using (no_grad())
        {
            copy.copy_(original);
        }
        using var second = PyTorchAdamW.Create([copy], 1e-2, 0.1);

        second.load_state_dict(folder.File("adamw.bin"));
        Step(first, original, Gradients[2]);
        Step(second, copy, Gradients[2]);

        Assert.Equal(original.data<double>().ToArray(), copy.data<double>().ToArray());
    }

    private static void Step(TorchSharp.Modules.AdamW optimizer, TorchSharp.Modules.Parameter parameter, double[] gradient)
    {
        optimizer.zero_grad();
        using (var loss = (parameter * tensor(gradient, dtype: parameter.dtype)).sum())
        {
            loss.backward();
        }
        optimizer.step();
    }

    /// <summary>torch.optim.AdamW's single-tensor update, written out.</summary>
    private static double[] Reference(double lr, double decay)
    {
        var p = (double[])Start.Clone();
        var m = new double[p.Length];
        var v = new double[p.Length];
        for (var t = 1; t <= Gradients.Length; t++)
        {
            var g = Gradients[t - 1];
            var (bc1, bc2) = (1 - Math.Pow(0.9, t), 1 - Math.Pow(0.999, t));
            for (var i = 0; i < p.Length; i++)
            {
                p[i] *= 1 - lr * decay;
                m[i] = 0.9 * m[i] + 0.1 * g[i];
                v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                p[i] -= lr / bc1 * m[i] / (Math.Sqrt(v[i]) / Math.Sqrt(bc2) + 1e-8);
            }
        }
        return p;
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
