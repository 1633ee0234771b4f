using System.Diagnostics;

namespace Vrf.Fuzzing;

/// <summary>
/// Runs one target over mutated inputs for a fixed time and counts what came of them. A finding is an input that threw
/// an exception the target does not expect, allocated more managed memory than its outcome allows, or ran longer than
/// the hang limit (a watchdog then saves it and ends the process); each is saved under the findings folder to replay.
/// </summary>
public sealed class FuzzRun(IFuzzTarget target, int seed, TimeSpan duration, TimeSpan hangLimit, string findingsFolder)
{
    private readonly Dictionary<string, long> _outcomes = [];
    private readonly List<string> _findings = [];
    private long _running = -1;
    private byte[] _current = [];

    public IReadOnlyDictionary<string, long> Outcomes => _outcomes;

    public IReadOnlyList<string> Findings => _findings;

    public long Executions { get; private set; }

    public TimeSpan Elapsed { get; private set; }

    public TimeSpan SlowestInput { get; private set; }

    public long MostAllocated { get; private set; }

    public void Run()
    {
        var mutator = new SeededMutator(target.Seeds, seed);
        using var watchdog = new Timer(_ => CheckForHang(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            var input = mutator.Next(target.IsText);
            Volatile.Write(ref _current, input);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            Volatile.Write(ref _running, started);
            var outcome = RunOne(input);
            var took = Stopwatch.GetElapsedTime(started);
            Volatile.Write(ref _running, -1);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Executions++;
            SlowestInput = took > SlowestInput ? took : SlowestInput;
            MostAllocated = Math.Max(MostAllocated, allocated);
            _outcomes[outcome.Category] = _outcomes.GetValueOrDefault(outcome.Category) + 1;
            if (allocated > outcome.AllowedBytes)
            {
                Found("allocation", input, $"allocated {allocated:N0} bytes, more than the {outcome.AllowedBytes:N0} its outcome ({outcome.Category}) allows");
            }
        }
        Elapsed = clock.Elapsed;
    }

    private FuzzOutcome RunOne(byte[] input)
    {
        try
        {
            return target.Run(input);
        }
        catch (Exception e)
        {
            Found("exception", input, $"{e.GetType().FullName}: {e.Message}");
            return new FuzzOutcome($"finding: {e.GetType().Name}", long.MaxValue);
        }
    }

    private void Found(string kind, byte[] input, string what)
    {
        var file = Save(kind, input);
        _findings.Add($"{what} (input saved as {file})");
    }

    private void CheckForHang()
    {
        var started = Volatile.Read(ref _running);
        if (started >= 0 && Stopwatch.GetElapsedTime(started) > hangLimit)
        {
            var file = Save("hang", Volatile.Read(ref _current));
            Console.Error.WriteLine($"HANG: {target.Name}: an input ran longer than {hangLimit.TotalSeconds:0} s (saved as {file}).");
            Environment.Exit(2);
        }
    }

    private string Save(string kind, byte[] input)
    {
        Directory.CreateDirectory(findingsFolder);
        var file = Path.Combine(findingsFolder, $"{target.Name.Replace(' ', '-')}-{kind}-{seed}-{Executions}.bin");
        File.WriteAllBytes(file, input);
        return file;
    }
}
