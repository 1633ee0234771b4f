using Vrf.Cli.Tests.Support;
using Vrf.Tensors;

namespace Vrf.Cli.Tests;

/// <summary>
/// No code of this project hands TorchSharp a number to make a Scalar of on its own (<see cref="HeldScalar"/> says
/// why: a garbage collection during the call frees the value under libtorch); the services, the tool and the test
/// models are read, as built beside these tests.
/// </summary>
public sealed class When_code_hands_TorchSharp_a_number
{
    [Fact]
    public void Should_hold_the_scalar_through_the_call_everywhere()
    {
        var assemblies = Directory.GetFiles(AppContext.BaseDirectory, "*.dll")
            .Where(path => Path.GetFileName(path) is var name && (name.StartsWith("Vrf.", StringComparison.Ordinal) || name == "vrf.dll"))
            .ToList();

        var calls = assemblies.SelectMany(TorchSharpNumberCalls.In).ToList();

        Assert.Contains(assemblies, path => Path.GetFileName(path) == "Vrf.Clip.dll");
        Assert.True(calls.Count == 0, "Calls that leave a Scalar to the finalizer (use HeldScalar.With):\n" + string.Join("\n", calls));
    }
}
