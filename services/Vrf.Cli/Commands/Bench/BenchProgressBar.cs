using Spectre.Console;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// A bar over a benchmark's measurements, each step named as it finishes, on a terminal; plain lines on standard error
/// otherwise, so that redirected output holds only the results.
/// </summary>
public sealed class BenchProgressBar(IAnsiConsole console)
{
    /// <param name="work">Runs the benchmark, calling its argument once per finished step with what was done.</param>
    public void Run(string title, int steps, Action<Action<string>> work)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            Console.Error.WriteLine(title);
            work(step => Console.Error.WriteLine($"  {step}"));
            return;
        }
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask(Markup.Escape(title), maxValue: steps);
                work(step =>
                {
                    bar.Description = Markup.Escape(step);
                    bar.Increment(1);
                });
            });
    }
}
