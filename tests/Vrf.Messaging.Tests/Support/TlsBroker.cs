using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vrf.Testing;

namespace Vrf.Messaging.Tests.Support;

/// <summary>
/// A RabbitMQ node of its own that accepts AMQP over TLS only (the shared broker is never touched): a certificate
/// authority made for the run signs the node's certificate for <c>localhost</c>, the node listens on
/// <see cref="Port"/> (and clusters on a port of its own), guest/guest from this machine. Disposing stops it.
/// </summary>
public sealed class TlsBroker : IAsyncLifetime
{
    private const string Server = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private static readonly TimeSpan StartPatience = TimeSpan.FromMinutes(3);

    private readonly TemporaryDirectory _folder = new();
    private Process? _node;

    /// <summary>The node's AMQPS port, a free one.</summary>
    public int Port { get; } = FreePort();

    private int DistributionPort { get; } = FreePort();

    /// <summary>The PEM file of the authority that signed the node's certificate.</summary>
    public string AuthorityFile => _folder.File("ca.pem");

    /// <summary>The address of the node as the services take it.</summary>
    public string Address => $"rabbitmqs://guest:guest@localhost:{Port}/";

    public async ValueTask InitializeAsync()
    {
        Assert.True(File.Exists(Server), $"{Server} is not installed (scripts/install-prerequisites.sh installs RabbitMQ).");
        WriteCertificates();
        var configuration = _folder.File("rabbitmq.conf");
        await File.WriteAllLinesAsync(configuration,
        [
            "listeners.tcp = none",
            $"listeners.ssl.default = {Port}",
            $"ssl_options.cacertfile = {AuthorityFile}",
            $"ssl_options.certfile = {_folder.File("server.pem")}",
            $"ssl_options.keyfile = {_folder.File("server.key")}",
            "ssl_options.verify = verify_none",
        ]);
        await File.WriteAllTextAsync(_folder.File("plugins"), "[].");
        var start = new ProcessStartInfo(Server) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (name, value) in new Dictionary<string, string>
        {
            ["HOME"] = Directory.CreateDirectory(_folder.File("home")).FullName,
            ["RABBITMQ_NODENAME"] = $"vrf-tls-tests-{Guid.NewGuid():N}@localhost",
            ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_CONFIG_FILE"] = configuration,
            ["RABBITMQ_MNESIA_BASE"] = _folder.File("mnesia"),
            ["RABBITMQ_LOG_BASE"] = _folder.File("log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = _folder.File("plugins"),
            ["RABBITMQ_PID_FILE"] = _folder.File("pid"),
        })
        {
            start.Environment[name] = value;
        }
        _node = Process.Start(start)!;
        _node.OutputDataReceived += (_, _) => { };
        _node.ErrorDataReceived += (_, _) => { };
        _node.BeginOutputReadLine();
        _node.BeginErrorReadLine();
        await WaitForPortAsync();
    }

    public ValueTask DisposeAsync()
    {
        if (_node is { HasExited: false })
        {
            _node.Kill(entireProcessTree: true);
            _node.WaitForExit(TimeSpan.FromSeconds(30));
        }
        _node?.Dispose();
        _folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task WaitForPortAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(_node!.HasExited, $"the TLS broker stopped at start (exit {(_node.HasExited ? _node.ExitCode : 0)}); see {_folder.File("log")}");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port, TestContext.Current.CancellationToken);
                return;
            }
            catch (SocketException) when (stopwatch.Elapsed < StartPatience)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>An authority for this run and a certificate for <c>localhost</c> it signs, as PEM files.</summary>
    private void WriteCertificates()
    {
        var now = DateTimeOffset.UtcNow;
        using var authorityKey = RSA.Create(2048);
        var authorityRequest = new CertificateRequest("CN=vrf-tls-tests-ca", authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using var authority = authorityRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));

        using var serverKey = RSA.Create(2048);
        var serverRequest = new CertificateRequest("CN=localhost", serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var server = serverRequest.Create(authority, now.AddMinutes(-5), now.AddDays(1), RandomNumberGenerator.GetBytes(8));

        File.WriteAllText(AuthorityFile, authority.ExportCertificatePem());
        File.WriteAllText(_folder.File("server.pem"), server.ExportCertificatePem());
        File.WriteAllText(_folder.File("server.key"), serverKey.ExportPkcs8PrivateKeyPem());
    }
}
