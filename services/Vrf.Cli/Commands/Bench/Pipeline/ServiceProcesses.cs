using System.Diagnostics;
using Vrf.Cli.Commands.Bus;

namespace Vrf.Cli.Commands.Bench.Pipeline;

/// <summary>
/// Service replicas as processes of their own on a RabbitMQ bus: each is this tool's <c>vrf serve --services NAME</c>,
/// started from the same executable, and killed (with its children) when the benchmark is done with it.
/// </summary>
public sealed class ServiceProcesses : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly List<(string Service, Process Process)> _processes = [];

    private ServiceProcesses()
    {
    }

    public int Count => _processes.Count;

    /// <summary>Each process's service and operating-system id, in the order they were started.</summary>
    public IReadOnlyList<(string Service, int ProcessId)> Running
    {
        get
        {
            lock (_processes)
            {
                return [.. _processes.Select(started => (started.Service, started.Process.Id))];
            }
        }
    }

    /// <param name="replicas">How many processes of each service.</param>
    /// <exception cref="InvalidOperationException">A process exited or did not say it was serving in time.</exception>
    public static async Task<ServiceProcesses> StartAsync(BusSettings settings, IReadOnlyList<(string Service, int Count)> replicas,
        CancellationToken cancellationToken)
    {
        var started = new ServiceProcesses();
        try
        {
            var serving = replicas.SelectMany(replica => Enumerable.Repeat(replica.Service, replica.Count))
                .Select(service => started.StartOne(service, settings, cancellationToken)).ToList();
            await Task.WhenAll(serving);
            return started;
        }
        catch
        {
            started.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (var (_, process) in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(30));
            }
            process.Dispose();
        }
        _processes.Clear();
    }

    private async Task StartOne(string service, BusSettings settings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(ServiceProcesses).Assembly.Location);
        }
        foreach (var argument in ServeArguments(service, settings))
        {
            start.ArgumentList.Add(argument);
        }
        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new List<string>();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data?.StartsWith("Serving", StringComparison.Ordinal) == true)
            {
                serving.TrySetResult();
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (errors)
                {
                    errors.Add(text);
                }
            }
        };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => serving.TrySetException(new InvalidOperationException(
            $"vrf serve --services {service} exited with code {process.ExitCode}: {string.Join(Environment.NewLine, errors.TakeLast(20))}"));
        lock (_processes)
        {
            _processes.Add((service, process));
        }
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await serving.Task.WaitAsync(StartTimeout, cancellationToken);
    }

    private static IEnumerable<string> ServeArguments(string service, BusSettings settings)
    {
        yield return "serve";
        yield return "--services";
        yield return service;
        yield return "--bus";
        yield return settings.BusAddress;
        if (settings.Store is { } store)
        {
            yield return "--store";
            yield return Path.GetFullPath(store);
        }
        if (settings.Device is { } device)
        {
            yield return "--device";
            yield return device;
        }
    }
}
