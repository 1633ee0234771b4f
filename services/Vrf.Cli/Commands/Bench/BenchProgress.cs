using Spectre.Console;

namespace Vrf.Cli.Commands.Bench;

/// <summary>
/// Shows what is being measured: a live status line on a terminal, plain lines on standard error otherwise, so that
/// redirected output holds only the results.
/// </summary>
public sealed class BenchProgress(Terminal terminal)
{
    public T Run<T>(string title, Func<Action<string>, T> work)
    {
        if (terminal.Out.Profile.Capabilities.Interactive)
        {
            return terminal.Out.Status().Start(Markup.Escape(title),
                context => work(step => context.Status(Markup.Escape($"{title}: {step}"))));
        }
        terminal.Error.WriteLine(title);
        return work(step => terminal.Error.WriteLine($"  {step}"));
    }
}
