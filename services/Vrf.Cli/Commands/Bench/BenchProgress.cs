using Spectre.Console;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Shows what is being measured: a live status line on a terminal, plain lines on standard error otherwise, so that
/// redirected output holds only the results.
/// </summary>
public sealed class BenchProgress(IAnsiConsole console)
{
    public T Run<T>(string title, Func<Action<string>, T> work)
    {
        if (console.Profile.Capabilities.Interactive)
        {
            return console.Status().Start(Markup.Escape(title),
                context => work(step => context.Status(Markup.Escape($"{title}: {step}"))));
        }
        Console.Error.WriteLine(title);
        return work(step => Console.Error.WriteLine($"  {step}"));
    }
}
