using System.Globalization;

namespace Vrf.Services.Tests.Support;

/// <summary>When each step of a fault test began and ended (UTC), for its report.</summary>
public sealed class Timeline
{
    private readonly List<string> _steps = [];

    public async Task StepAsync(string name, Func<Task> step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var started = DateTime.UtcNow;
        await step();
        _steps.Add(string.Create(CultureInfo.InvariantCulture, $"{name} {started:HH:mm:ss.fff}–{DateTime.UtcNow:HH:mm:ss.fff}"));
    }

    public override string ToString() => string.Join(", ", _steps);
}
