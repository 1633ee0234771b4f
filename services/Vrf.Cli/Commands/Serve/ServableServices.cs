using Vrf.Gateway;
using Vrf.ServiceDefaults;
using Vrf.Services;

namespace Vrf.Cli.Commands.Serve;

/// <summary>
/// The services <c>vrf serve</c> can run, by name: the services library's and the gateway, composed here where both are
/// visible. A new service is one more entry in <see cref="All"/>.
/// </summary>
public static class ServableServices
{
    /// <summary>Every service: those an image flows through, in that order, the monitor that watches their results, the
    /// fine-tuning service that trains new versions, then the HTTP gateway in front of them.</summary>
    public static IReadOnlyList<ServiceModule> All { get; } = [.. ServiceCatalog.All, GatewayService.Module];

    /// <summary>The services named in a comma-separated list, such as <c>embedding,scorer</c>, in catalog order.</summary>
    /// <exception cref="FormatException">A name is not in the catalog, or the list names none.</exception>
    public static IReadOnlyList<ServiceModule> Select(string names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var requested = names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => name.ToLowerInvariant())
            .ToHashSet(StringComparer.Ordinal);
        var unknown = requested.Where(name => All.All(service => service.Name != name)).Order(StringComparer.Ordinal).ToList();
        if (unknown.Count > 0 || requested.Count == 0)
        {
            var problem = unknown.Count > 0 ? $"unknown service(s) {string.Join(", ", unknown.Select(name => $"'{name}'"))}" : "no service named";
            throw new FormatException($"'{names}': {problem}; choose from {string.Join(", ", All.Select(service => service.Name))}.");
        }
        return [.. All.Where(service => requested.Contains(service.Name))];
    }
}
