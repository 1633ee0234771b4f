using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vrf.Testing;

/// <summary>
/// A RabbitMQ node of a test's own, for the tests that stop and restart the broker: the machine's shared broker on
/// 5672 serves every other test (and other people's work) at the same time and must never be stopped. The node runs
/// Debian's <c>rabbitmq-server</c> under its own node name, on its own AMQP and distribution ports, with its database,
/// logs, Erlang cookie and plugin list (none: no management UI) in a temporary folder, listening on 127.0.0.1 only.
/// Its CLI tools reach it by name (<see cref="Control"/>). Disposing it stops the node and deletes the folder.
/// </summary>
public sealed class DedicatedRabbitMqNode : IAsyncDisposable
{
    private const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private readonly TemporaryDirectory _folder;
    private readonly Dictionary<string, string> _environment;
    private Process? _server;

    private DedicatedRabbitMqNode(TemporaryDirectory folder, string nodeName, int port, Dictionary<string, string> environment)
    {
        _folder = folder;
        NodeName = nodeName;
        Port = port;
        _environment = environment;
        Control = RabbitMqControl.Node(ControlScript, nodeName, environment);
    }

    public string NodeName { get; }

    /// <summary>Its AMQP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>Its default virtual host, as a bus address.</summary>
    public string Address => $"rabbitmq://guest:guest@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/";

    public RabbitMqControl Control { get; }

    /// <summary>Everything the node logged to its console, for failure messages.</summary>
    public string ConsoleLog => File.Exists(_folder.File("console.log")) ? File.ReadAllText(_folder.File("console.log")) : "";

    /// <summary>Starts a new node and waits until it has booted.</summary>
    /// <exception cref="InvalidOperationException">Debian's RabbitMQ is not installed.</exception>
    public static async Task<DedicatedRabbitMqNode> StartAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException(
                $"{ServerScript} is missing: the broker-restart tests run a RabbitMQ node of their own. Run ./test.sh, which installs RabbitMQ.");
        }
        var folder = new TemporaryDirectory();
        var (port, distributionPort) = FreePorts();
        var nodeName = $"vrf-test-{Guid.NewGuid().ToString("N")[..8]}@localhost";
        foreach (var sub in new[] { "home", "mnesia", "log" })
        {
            Directory.CreateDirectory(folder.File(sub));
        }
        await File.WriteAllTextAsync(folder.File("enabled_plugins"), "[].", cancellationToken);
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = folder.File("home"),
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = folder.File("mnesia"),
            ["RABBITMQ_LOG_BASE"] = folder.File("log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = folder.File("enabled_plugins"),
            ["RABBITMQ_CONFIG_FILE"] = folder.File("rabbitmq"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = folder.File("advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = folder.File("rabbitmq-env.conf"),
        };
        var node = new DedicatedRabbitMqNode(folder, nodeName, port, environment);
        try
        {
            await node.StartNodeAsync(cancellationToken);
        }
        catch
        {
            await node.DisposeAsync();
            throw;
        }
        return node;
    }

    /// <summary>Stops the RabbitMQ application and leaves the Erlang node running (<c>rabbitmqctl stop_app</c>):
    /// every connection drops and nothing answers on the AMQP port.</summary>
    public Task StopAppAsync(CancellationToken cancellationToken) => Control.RunAsync(cancellationToken, "stop_app");

    /// <summary>Starts the application again (<c>rabbitmqctl start_app</c>): durable queues come back with their
    /// persistent messages.</summary>
    public Task StartAppAsync(CancellationToken cancellationToken) => Control.RunAsync(cancellationToken, "start_app");

    /// <summary>Stops the whole node (<c>rabbitmqctl stop</c>) and waits until its process has gone.</summary>
    public async Task StopNodeAsync(CancellationToken cancellationToken)
    {
        await Control.RunAsync(cancellationToken, "stop");
        if (_server is { } server)
        {
            await server.WaitForExitAsync(cancellationToken);
            server.Dispose();
            _server = null;
        }
    }

    /// <summary>Starts the node (again, after <see cref="StopNodeAsync"/>: same name, same database) and waits until
    /// it has booted.</summary>
    public async Task StartNodeAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = false,
            RedirectStandardError = false,
            WorkingDirectory = _folder.Path,
        };
        start.ArgumentList.Add("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec {ServerScript} >>console.log 2>&1 </dev/null");
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }
        _server = Process.Start(start) ?? throw new InvalidOperationException("rabbitmq-server did not start");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(StartTimeout);
        while (true)
        {
            if (_server.HasExited)
            {
                throw new InvalidOperationException($"RabbitMQ node {NodeName} exited while starting:\n{ConsoleLog}");
            }
            try
            {
                await Control.RunAsync(deadline.Token, "await_startup", "--timeout", "30");
                return;
            }
            catch (Exception e) when ((e is InvalidOperationException or TimeoutException) && !deadline.IsCancellationRequested)
            {
                // The node has not registered with the port mapper yet, or has not booted within the wait (the CLI
                // tool itself can take most of a minute to start on a loaded machine).
                await Task.Delay(TimeSpan.FromSeconds(1), deadline.Token);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is { HasExited: false } server)
        {
            try
            {
                using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
                await Control.RunAsync(deadline.Token, "stop");
                await server.WaitForExitAsync(deadline.Token);
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException or OperationCanceledException)
            {
                Kill(server);
            }
        }
        _server?.Dispose();
        _folder.Dispose();
    }

    /// <summary>Kills the node's process group (setsid made it the group's leader), beam and all.</summary>
    private static void Kill(Process server)
    {
        using var kill = Process.Start("kill", ["-KILL", $"-{server.Id.ToString(CultureInfo.InvariantCulture)}"]);
        kill.WaitForExit();
    }

    /// <summary>An AMQP port and a distribution port that are free now, from 20000 to 22001: RabbitMQ's CLI tools take
    /// the ten ports from the distribution port + 10000 for themselves, which keeps theirs below the range the OS hands
    /// out to client sockets (from 32768) and away from the shared broker's (25672, 35672).</summary>
    private static (int Port, int DistributionPort) FreePorts()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(20_000, 22_000);
            if (!IsFree(port) || !IsFree(port + 1) || !IsFree(port + 10_001))
            {
                continue;
            }
            return (port, port + 1);
        }
        throw new InvalidOperationException("Found no free ports for a RabbitMQ node.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
