using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Vrf.Testing;

/// <summary>
/// A built service (a host such as <c>dotnet Vrf.Scorer.Host.dll</c>, or <c>dotnet vrf.dll serve</c>) running as a child
/// process on a free port, with what it printed kept for failure messages. Disposing it kills the process (and anything
/// it started), whatever state the test left it in.
/// </summary>
public sealed partial class ServiceProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    /// <summary>A name for messages, for example <c>scorer-2</c>.</summary>
    public string Name { get; }

    /// <summary>The base address it serves its health endpoints on, once it is listening.</summary>
    public Uri? Address => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : null;

    public bool IsRunning => !_process.HasExited;

    /// <summary>The operating system's id of the process.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Everything it printed so far (standard output and error, interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a built assembly with the given environment (on top of a cleaned copy of this process's: no
    /// <c>Bus__</c>, <c>OTEL_</c> or <c>ASPNETCORE_</c> settings of the machine leak in) and arguments; it must log
    /// ASP.NET Core's "Now listening on" line.</summary>
    public static ServiceProcess Start(string name, string assemblyPath, IReadOnlyDictionary<string, string> environment,
        params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(assemblyPath)!,
        };
        start.ArgumentList.Add(assemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var inherited in start.Environment.Keys.Where(IsServiceSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        start.Environment["Logging__Console__FormatterOptions__UseUtcTimestamp"] = "true";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, line) => service.Record(line.Data);
        process.ErrorDataReceived += (_, line) => service.Record(line.Data);
        process.Exited += (_, _) => service._listening.TrySetException(
            new InvalidOperationException($"{name} exited with code {process.ExitCode} before it listened."));
        if (!File.Exists(assemblyPath))
        {
            throw new FileNotFoundException($"The {name} host is not built: {assemblyPath}");
        }
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Waits until it listens and answers <c>/health/ready</c> with 200 (its bus is connected and its queues
    /// are bound).</summary>
    /// <exception cref="TimeoutException">Not ready in time; the message holds what it printed.</exception>
    public async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        try
        {
            var address = await _listening.Task.WaitAsync(deadline.Token);
            while (true)
            {
                deadline.Token.ThrowIfCancellationRequested();
                try
                {
                    using var response = await Http.GetAsync(new Uri(address, "/health/ready"), deadline.Token);
                    if (response.IsSuccessStatusCode)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException) when (!deadline.Token.IsCancellationRequested)
                {
                    // The health request itself timed out: a busy machine, not a failed start; ask again.
                }
                await Task.Delay(TimeSpan.FromMilliseconds(250), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Name} was not ready within {StartTimeout.TotalSeconds:0} s. It printed:\n{Output}");
        }
        catch (InvalidOperationException exited)
        {
            throw new InvalidOperationException($"{exited.Message} It printed:\n{Output}", exited);
        }
    }

    /// <summary>Whether it answers <c>/health/ready</c> with 200 now (false while it does not listen or answer).</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken)
    {
        if (Address is not { } address)
        {
            return false;
        }
        try
        {
            using var response = await Http.GetAsync(new Uri(address, "/health/ready"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    /// <summary>Kills the process at once, as a crash or an OOM kill would, and waits until it is gone.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the process to stop as <c>docker stop</c> does (SIGTERM: the host shuts down cleanly) and waits
    /// until it has exited.</summary>
    public async Task StopAsync(TimeSpan timeout)
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }
        using var deadline = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(deadline.Token);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
        if (ListeningOn().Match(line) is { Success: true } listening)
        {
            _listening.TrySetResult(new Uri(listening.Groups["address"].Value));
        }
    }

    private static bool IsServiceSetting(string variable) =>
        variable.StartsWith("Bus__", StringComparison.OrdinalIgnoreCase)
        || variable.StartsWith("OTEL_", StringComparison.OrdinalIgnoreCase)
        || variable.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || variable.StartsWith("Embedding__", StringComparison.OrdinalIgnoreCase)
        || variable.StartsWith("FailureIndex__", StringComparison.OrdinalIgnoreCase)
        || variable.StartsWith("ModelStore__", StringComparison.OrdinalIgnoreCase)
        || variable.StartsWith("Inference__", StringComparison.OrdinalIgnoreCase)
        || variable.StartsWith("FineTuning__", StringComparison.OrdinalIgnoreCase)
        || variable is "VRF_BUS" or "VRF_MODEL_STORE" or "QDRANT_URL";

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningOn();
}
