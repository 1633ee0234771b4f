using System.Text.Json.Nodes;
using RabbitMQ.Client;
using Vrf.Services.Tests.Support.Processes;
using Vrf.Testing;

namespace Vrf.Deploy.Tests.Support;

/// <summary>
/// The broker's users of deploy/rabbitmq, created on the local RabbitMQ for one private virtual host: start.sh renders
/// the definitions with the <see cref="DeploySecrets"/> passwords, each user is renamed with the virtual host's name
/// in front (users belong to the whole node, which other runs share), its permissions and the work queues the
/// definitions declare moved onto the virtual host, and <c>rabbitmqctl import_definitions</c> loads the file as the broker loads it at start. Disposing deletes them.
/// </summary>
public sealed class BrokerUsers : IAsyncDisposable
{
    private readonly BrokerVirtualHost _host;
    private readonly IReadOnlyList<string> _users;

    private BrokerUsers(BrokerVirtualHost host, IReadOnlyList<string> users)
    {
        _host = host;
        _users = users;
    }

    /// <exception cref="InvalidOperationException">rabbitmqctl refused the definitions.</exception>
    public static async Task<BrokerUsers> CreateAsync(BrokerVirtualHost host)
    {
        var (outcome, definitions) = await BrokerDefinitions.RenderAsync(BrokerDefinitions.Passwords());
        Assert.True(outcome.ExitCode == 0 && definitions is not null, $"start.sh failed: {outcome.Error}");
        var users = definitions["users"]!.AsArray().Select(user => (string)user!["name"]!).ToList();
        foreach (var user in definitions["users"]!.AsArray())
        {
            user!["name"] = $"{host.Name}-{(string)user["name"]!}";
        }
        foreach (var permission in definitions["permissions"]!.AsArray())
        {
            permission!["user"] = $"{host.Name}-{(string)permission["user"]!}";
            permission["vhost"] = host.Name;
        }
        foreach (var entity in new[] { "exchanges", "queues", "bindings" }.SelectMany(kind => definitions[kind]!.AsArray()))
        {
            entity!["vhost"] = host.Name;
        }
        definitions.Remove("vhosts");
        using var file = new TemporaryDirectory();
        await File.WriteAllTextAsync(file.File("definitions.json"), definitions.ToJsonString());
        // rabbitmqctl reads the file as the broker's own user (the packaged wrapper switches to it).
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
            File.SetUnixFileMode(file.File("definitions.json"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        }
        var created = new BrokerUsers(host, users);
        try
        {
            await ExternalTool.RunAsync("rabbitmqctl", null, "-q", "import_definitions", file.File("definitions.json"));
        }
        catch
        {
            await created.DisposeAsync();
            throw;
        }
        return created;
    }

    /// <summary>The broker user of that name in the definitions (<c>scorer</c>, <c>keda</c>...) as it exists here.</summary>
    public string NameOf(string user) => _users.Contains(user) ? $"{_host.Name}-{user}" : throw new ArgumentException($"The definitions have no user '{user}'.");

    public static string PasswordOf(string user) => DeploySecrets.Value(BrokerDefinitions.PasswordVariables()[user]);

    /// <summary>The bus address of the virtual host as that user, as <c>--bus</c> and <c>VRF_BUS</c> take it.</summary>
    public string Address(string user) =>
        $"rabbitmq://{Uri.EscapeDataString(NameOf(user))}:{PasswordOf(user)}@{_host.Options.Host}:{_host.Options.Port}/{Uri.EscapeDataString(_host.Name)}";

    /// <summary>A connection to the virtual host as that user.</summary>
    public Task<IConnection> ConnectAsync(string user, CancellationToken cancellationToken) =>
        new ConnectionFactory
        {
            HostName = _host.Options.Host,
            Port = _host.Options.Port,
            VirtualHost = _host.Name,
            UserName = NameOf(user),
            Password = PasswordOf(user),
            ClientProvidedName = $"Vrf.Deploy.Tests as {user}",
        }.CreateConnectionAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var user in _users)
        {
            await ExternalTool.TryRunAsync("rabbitmqctl", null, "-q", "delete_user", $"{_host.Name}-{user}");
        }
    }
}
