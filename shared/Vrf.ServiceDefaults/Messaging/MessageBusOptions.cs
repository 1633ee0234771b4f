using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace Vrf.ServiceDefaults;

/// <summary>Where a service's message bus connects: configuration section <c>Bus</c>, or an address such as the
/// CLI's <c>--bus</c> option (see <see cref="Parse"/>).</summary>
public sealed partial class MessageBusOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string SectionName = "Bus";

    /// <summary>The configuration key (an environment variable for a host) that names the whole bus in one value, as
    /// the CLI's <c>--bus</c> does; it wins over the <see cref="SectionName"/> section.</summary>
    public const string AddressKey = "VRF_BUS";

    /// <summary>RabbitMQ's AMQP port.</summary>
    public const int DefaultPort = 5672;

    /// <summary>RabbitMQ's AMQP-over-TLS port.</summary>
    public const int DefaultTlsPort = 5671;

    private const string ExpectedForm =
        "use 'memory' or a URI such as rabbitmq://guest:guest@localhost:5672/ (rabbitmqs://user:password@host:5671/ for TLS)";

    /// <summary>The broker: RabbitMQ (default) or in-memory.</summary>
    [EnumDataType(typeof(MessageBusTransport))]
    public MessageBusTransport Transport { get; set; } = MessageBusTransport.RabbitMq;

    /// <summary>RabbitMQ host name or address.</summary>
    [Required]
    public string Host { get; set; } = "localhost";

    /// <summary>RabbitMQ AMQP port.</summary>
    [Range(1, 65535)]
    public int Port { get; set; } = DefaultPort;

    /// <summary>RabbitMQ virtual host.</summary>
    [Required]
    public string VirtualHost { get; set; } = "/";

    /// <summary>RabbitMQ user name.</summary>
    [Required]
    public string Username { get; set; } = "guest";

    /// <summary>RabbitMQ password.</summary>
    [Required]
    public string Password { get; set; } = "guest";

    /// <summary>Connect over TLS (AMQPS), with the certificates of <see cref="BusTlsOptions"/>.</summary>
    public bool UseTls { get; set; }

    /// <summary>
    /// Whether a publish of a unit of work declares the queue its service takes it from (<see cref="WorkQueues"/>), so
    /// that work sent before its service ever ran waits for it (default). The user needs the right to configure and
    /// write those queues; a deployment whose users may not (deploy/rabbitmq) declares them in the broker's definitions
    /// instead and turns this off.
    /// </summary>
    public bool DeclareWorkQueues { get; set; } = true;

    /// <summary>
    /// Reads a bus address: <c>memory</c> for the in-memory transport, or
    /// <c>rabbitmq://[user:password@]host[:port][/virtual-host]</c> (scheme <c>amqp</c> also accepted;
    /// <c>rabbitmqs</c> or <c>amqps</c> for TLS). Parts left out keep their defaults (guest/guest, port 5672 or 5671
    /// with TLS, virtual host <c>/</c>); escape a <c>/</c> inside a virtual host's name as <c>%2F</c>.
    /// </summary>
    /// <exception cref="FormatException">The address is neither; the message says what is wrong, never the password.</exception>
    public static MessageBusOptions Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var text = address.Trim();
        if (text.Equals("memory", StringComparison.OrdinalIgnoreCase))
        {
            return new MessageBusOptions { Transport = MessageBusTransport.InMemory };
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw NotUnderstood(address, "it is not a valid URI (is the port a number from 1 to 65535?)");
        }
        if (uri.Scheme is not ("rabbitmq" or "amqp" or "rabbitmqs" or "amqps"))
        {
            throw NotUnderstood(address, $"the scheme '{uri.Scheme}' is not rabbitmq, amqp, rabbitmqs or amqps");
        }
        var tls = uri.Scheme is "rabbitmqs" or "amqps";
        if (string.IsNullOrEmpty(uri.Host))
        {
            throw NotUnderstood(address, "it names no host");
        }
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
        {
            throw NotUnderstood(address, "query strings and fragments are not supported");
        }

        var options = new MessageBusOptions
        {
            Host = uri.IdnHost,
            Port = uri.IsDefaultPort || uri.Port < 0 ? (tls ? DefaultTlsPort : DefaultPort) : uri.Port,
            VirtualHost = ReadVirtualHost(address, uri.AbsolutePath),
            UseTls = tls,
        };
        if (uri.UserInfo.Length > 0)
        {
            var separator = uri.UserInfo.IndexOf(':');
            if (separator <= 0)
            {
                throw NotUnderstood(address, "give both a user name and a password (user:password@host), or neither");
            }
            options.Username = Uri.UnescapeDataString(uri.UserInfo[..separator]);
            options.Password = Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
            if (options.Password.Length == 0)
            {
                throw NotUnderstood(address, "the password is empty");
            }
        }
        return options;
    }

    /// <summary>The address these options stand for, without the password: <c>memory</c> or
    /// <c>rabbitmq://user@host:port/virtual-host</c> (<c>rabbitmqs://</c> with TLS).</summary>
    public override string ToString()
    {
        if (Transport == MessageBusTransport.InMemory)
        {
            return "memory";
        }
        var path = VirtualHost == "/" ? "" : Uri.EscapeDataString(VirtualHost);
        var host = Host.Contains(':') ? $"[{Host}]" : Host;
        return $"{(UseTls ? "rabbitmqs" : "rabbitmq")}://{Uri.EscapeDataString(Username)}@{host}:{Port}/{path}";
    }

    private static string ReadVirtualHost(string address, string path)
    {
        var name = path.TrimStart('/');
        if (name.Length == 0)
        {
            return "/";
        }
        if (name.Contains('/'))
        {
            throw NotUnderstood(address, "the virtual host must be a single path segment (escape a '/' in its name as %2F)");
        }
        return Uri.UnescapeDataString(name);
    }

    private static FormatException NotUnderstood(string address, string problem) =>
        new($"Bus address '{WithoutPassword(address)}' is not understood: {problem}; {ExpectedForm}.");

    private static string WithoutPassword(string address) => PasswordInAddress().Replace(address, "***");

    [GeneratedRegex("(?<=://[^/@:]*:)[^/@]*(?=@)")]
    private static partial Regex PasswordInAddress();
}
