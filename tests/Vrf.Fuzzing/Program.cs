using System.Diagnostics;
using System.Globalization;
using Vrf.Fuzzing;
using Vrf.Testing;

// Usage: Vrf.Fuzzing [seconds] [seed]. Half the time goes to each target; exit code 1 when anything was found.
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 120;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1206;
var findings = Path.Combine(RepositoryPaths.Root, "artifacts", "fuzz");
IFuzzTarget[] targets = [new ImageDecoderTarget(), new MessageDeserializerTarget()];

Console.WriteLine($"Fuzzing for {seconds} s with seed {seed}; findings go to {findings}.");
var runs = targets.Select(target => new FuzzRun(target, seed, TimeSpan.FromSeconds(seconds / (double)targets.Length), TimeSpan.FromSeconds(10), findings)).ToList();
foreach (var (target, run) in targets.Zip(runs))
{
    run.Run();
    Console.WriteLine();
    Console.WriteLine($"{target.Name}: {run.Executions:N0} inputs in {run.Elapsed.TotalSeconds:0} s ({run.Executions / run.Elapsed.TotalSeconds:N0}/s), " +
        $"slowest {run.SlowestInput.TotalMilliseconds:N0} ms, most allocated {run.MostAllocated / 1048576.0:N1} MiB, {run.Findings.Count} findings");
    foreach (var (outcome, count) in run.Outcomes.OrderByDescending(pair => pair.Value))
    {
        Console.WriteLine($"  {count,9:N0}  {outcome}");
    }
    run.Findings.Take(20).ToList().ForEach(finding => Console.WriteLine($"  FINDING {finding}"));
}
Console.WriteLine();
Console.WriteLine($"Peak resident memory: {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MiB");
return runs.Any(run => run.Findings.Count > 0) ? 1 : 0;
