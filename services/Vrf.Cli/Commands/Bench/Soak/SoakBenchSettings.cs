using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Vrf.Cli.Commands.Bench.Pipeline;

namespace Vrf.Cli.Commands.Bench.Soak;

/// <summary>The options of <c>vrf bench soak</c>: the pipeline's (model, images, bus, the closed loop that measures the
/// sustainable rate) and the soak's own.</summary>
public sealed class SoakBenchSettings : PipelineLoadSettings
{
    [CommandOption("--duration <TIME>")]
    [Description("How long the open loop runs: 10m, 90s, 1h (a bare number is minutes).")]
    [DefaultValue("10m")]
    public string Duration { get; init; } = "10m";

    [CommandOption("--interval <TIME>")]
    [Description("How often a row is printed and every series sampled: 1m, 20s.")]
    [DefaultValue("1m")]
    public string Interval { get; init; } = "1m";

    [CommandOption("--rate <N>")]
    [Description("The sustainable rate in images/s; default: measured first with a closed loop of --count images, --in-flight at once.")]
    public double? Rate { get; init; }

    [CommandOption("--load <PERCENT>")]
    [Description("The open loop's rate, in percent of the sustainable rate.")]
    [DefaultValue(70.0)]
    public double Load { get; init; } = 70;

    [CommandOption("--tolerance <PERCENT>")]
    [Description("Growth over the run a series may show, in percent of its level over the second half (each series also has a floor).")]
    [DefaultValue(10.0)]
    public double Tolerance { get; init; } = 10;

    public TimeSpan DurationTime => ParseTime(Duration);

    public TimeSpan IntervalTime => ParseTime(Interval);

    public override ValidationResult Validate()
    {
        var problems = new List<string>();
        if (InMemory)
        {
            problems.Add("the soak runs the services as processes on RabbitMQ: --bus should be a RabbitMQ address with a virtual host of its own");
        }
        if (!TryParseTime(Duration, out var duration) || !TryParseTime(Interval, out var interval) || duration < interval || interval <= TimeSpan.Zero)
        {
            problems.Add($"--duration '{Duration}' and --interval '{Interval}' should be times such as 10m or 30s, the interval positive and not longer than the duration");
        }
        if (Rate is <= 0 || Load is <= 0 or > 100 || Tolerance <= 0)
        {
            problems.Add("--rate, --load (at most 100) and --tolerance should be positive");
        }
        return problems.Count > 0 ? ValidationResult.Error(string.Join("; ", problems) + ".") : base.Validate();
    }

    private static TimeSpan ParseTime(string text) =>
        TryParseTime(text, out var time) ? time : throw new FormatException($"'{text}' is not a time such as 10m, 90s or 1h.");

    private static bool TryParseTime(string text, out TimeSpan time)
    {
        var unit = text.Length > 0 && char.IsLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 'm';
        var number = char.IsLetter(text.Length > 0 ? text[^1] : '0') ? text[..^1] : text;
        var parsed = double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0;
        time = !parsed ? TimeSpan.Zero : unit switch
        {
            's' => TimeSpan.FromSeconds(value),
            'm' => TimeSpan.FromMinutes(value),
            'h' => TimeSpan.FromHours(value),
            _ => TimeSpan.MinValue,
        };
        return parsed && time != TimeSpan.MinValue;
    }
}
