using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>The options of <c>vrf bench scale</c>.</summary>
public sealed class ScaleBenchSettings : PipelineLoadSettings
{
    [CommandOption("--scorers <LIST>")]
    [Description("Scorer replica counts to measure in turn (one embedding and one failure-index process), comma-separated.")]
    [DefaultValue("1,2,4")]
    public string Scorers { get; init; } = "1,2,4";

    [CommandOption("--embedders <LIST>")]
    [Description("Embedding replica counts to measure in turn (one failure-index and one scorer process), comma-separated.")]
    [DefaultValue("1,2")]
    public string Embedders { get; init; } = "1,2";

    public IReadOnlyList<int> ScorerCounts => Counts(Scorers);

    public IReadOnlyList<int> EmbedderCounts => Counts(Embedders);

    public override ValidationResult Validate()
    {
        if (InMemory)
        {
            return ValidationResult.Error("vrf bench scale runs the services as processes: --bus must be a RabbitMQ address, not memory.");
        }
        foreach (var (option, list) in new[] { ("--scorers", Scorers), ("--embedders", Embedders) })
        {
            if (!list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .All(count => int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0))
            {
                return ValidationResult.Error($"{option} '{list}' should be positive whole numbers separated by commas.");
            }
        }
        return base.Validate();
    }

    private static int[] Counts(string list) =>
        [.. list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(count => int.Parse(count, NumberStyles.None, CultureInfo.InvariantCulture))];
}
