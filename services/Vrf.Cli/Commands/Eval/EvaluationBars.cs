using Spectre.Console;
using Vrf.Serving.Evaluation;

namespace Vrf.Cli.Commands.Eval;

/// <summary>One bar per stage of an evaluation (a split's encoders, the weight-space model at one α), created when the
/// stage starts.</summary>
internal sealed class EvaluationBars(ProgressContext context) : IProgress<EvaluationProgress>
{
    private readonly Dictionary<string, ProgressTask> _bars = [];

    public void Report(EvaluationProgress value)
    {
        if (!_bars.TryGetValue(value.Stage, out var bar))
        {
            bar = context.AddTask(Markup.Escape(value.Stage), maxValue: Math.Max(1, value.Total));
            _bars[value.Stage] = bar;
        }
        bar.Value = value.Completed;
    }
}
