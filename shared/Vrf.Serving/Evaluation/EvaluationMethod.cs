namespace Vrf.Serving.Evaluation;

/// <summary>The methods of the paper's table, each scored on every split.</summary>
public enum EvaluationMethod
{
    /// <summary><c>zs</c>: the zero-shot model alone.</summary>
    ZeroShot,

    /// <summary><c>ft</c>: the fine-tuned model alone.</summary>
    FineTuned,

    /// <summary><c>ose</c>: the output-space ensemble at the version's α.</summary>
    OutputSpace,

    /// <summary><c>wse</c>: the weight-space ensemble (WiSE-FT) at the α chosen on validation.</summary>
    WeightSpace,

    /// <summary><c>vrf</c>: the VRF ensemble, ω(d) per image.</summary>
    Vrf,
}

/// <summary>The short names of <see cref="EvaluationMethod"/> (<c>zs</c>, <c>ft</c>, <c>ose</c>, <c>wse</c>, <c>vrf</c>).</summary>
public static class EvaluationMethods
{
    /// <summary>Every method, in the table's order.</summary>
    public static IReadOnlyList<EvaluationMethod> All { get; } =
        [EvaluationMethod.ZeroShot, EvaluationMethod.FineTuned, EvaluationMethod.OutputSpace, EvaluationMethod.WeightSpace, EvaluationMethod.Vrf];

    public static string Key(this EvaluationMethod method) => method switch
    {
        EvaluationMethod.ZeroShot => "zs",
        EvaluationMethod.FineTuned => "ft",
        EvaluationMethod.OutputSpace => "ose",
        EvaluationMethod.WeightSpace => "wse",
        EvaluationMethod.Vrf => "vrf",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown method."),
    };

    /// <summary>Methods named by a comma-separated list of keys, in the table's order, each once.</summary>
    /// <exception cref="FormatException">A name is not one of the keys, or the list is empty.</exception>
    public static IReadOnlyList<EvaluationMethod> Parse(string list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var names = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var unknown = names.Where(name => All.All(method => method.Key() != name)).ToList();
        if (names.Length == 0 || unknown.Count > 0)
        {
            throw new FormatException(
                $"{(unknown.Count > 0 ? $"unknown method(s) {string.Join(", ", unknown.Select(name => $"'{name}'"))}" : "no method given")}: " +
                $"choose from {string.Join(", ", All.Select(Key))}");
        }
        return [.. All.Where(method => names.Contains(method.Key()))];
    }
}
