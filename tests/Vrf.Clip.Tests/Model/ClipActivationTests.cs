using Vrf.Clip.Modeling;
using static TorchSharp.torch;

namespace Vrf.Clip.Tests.Model;

public sealed class ClipActivationTests
{
    private static readonly double[] Inputs = [-4, -1.5, -0.3, 0, 0.2, 1, 2.5, 6];

    [Fact]
    public void Quick_gelu_is_x_times_sigmoid_of_1_702_x()
    {
        AssertComputes("quick_gelu", x => x / (1 + Math.Exp(-1.702 * x)));
    }

    [Fact]
    public void Gelu_is_the_exact_erf_form()
    {
        AssertComputes("gelu", x => 0.5 * x * (1 + Erf(x / Math.Sqrt(2))));
    }

    [Theory]
    [InlineData("gelu_new")]
    [InlineData("gelu_pytorch_tanh")]
    public void Tanh_gelu_variants_use_the_tanh_approximation(string name)
    {
        AssertComputes(name, x => 0.5 * x * (1 + Math.Tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))));
    }

    [Fact]
    public void An_unknown_activation_is_refused_with_the_supported_names()
    {
        var error = Assert.Throws<ArgumentException>(() => ClipActivation.ForName("swish"));

        Assert.Contains("quick_gelu", error.Message);
    }

    private static void AssertComputes(string name, Func<double, double> formula)
    {
        using var scope = NewDisposeScope();
        var actual = ClipActivation.ForName(name)(tensor(Inputs)).data<double>().ToArray();
        for (var i = 0; i < Inputs.Length; i++)
        {
            Assert.Equal(formula(Inputs[i]), actual[i], 1e-9);
        }
    }

    /// <summary>erf by its Maclaurin series: within 1e-9 for |x| up to about 4.5 (cancellation limits it beyond).</summary>
    private static double Erf(double x)
    {
        double sum = 0, term = x;
        for (var n = 0; n < 200; n++)
        {
            sum += term / (2 * n + 1);
            term *= -x * x / (n + 1);
        }
        return 2 / Math.Sqrt(Math.PI) * sum;
    }
}
