using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Vrf.Cli.Commands.Demo;

/// <summary>
/// The demo's phases one after another: each opens with a heading, ends with its wall time and the CPU time this
/// process spent in it (on a loaded machine the wall time grows, the CPU time much less), and the times are listed
/// together at the end.
/// </summary>
internal sealed class DemoPhases(Terminal terminal)
{
    private readonly List<PhaseTime> _times = [];
    private readonly Stopwatch _total = Stopwatch.StartNew();

    public IReadOnlyList<PhaseTime> Times => _times;

    public TimeSpan Total => _total.Elapsed;

    public async Task<T> RunAsync<T>(string name, Func<Task<T>> phase)
    {
        terminal.Out.Write(new Rule($"[bold]{Markup.Escape(name)}[/]").LeftJustified());
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = await phase();
        var time = new PhaseTime(name, clock.Elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
        _times.Add(time);
        terminal.Out.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {Seconds(time.Wall)} (CPU {Seconds(time.Cpu)})")));
        return result;
    }

    public void Render()
    {
        var table = new Table().Title("Wall time of each phase").AddColumn("Phase")
            .AddColumn(new TableColumn("Wall").RightAligned()).AddColumn(new TableColumn("CPU").RightAligned());
        foreach (var time in _times)
        {
            table.AddRow(Markup.Escape(time.Name), Seconds(time.Wall), Seconds(time.Cpu));
        }
        table.AddRow("[bold]Total[/]", $"[bold]{Seconds(Total)}[/]", Seconds(new TimeSpan(_times.Sum(t => t.Cpu.Ticks))));
        terminal.Out.Write(table);
    }

    public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public sealed record PhaseTime(string Name, TimeSpan Wall, TimeSpan Cpu);
}
