namespace Vrf.Encoders;

/// <summary>The implementations of a seam registered under their names; a name is looked up exactly (ordinal).</summary>
/// <param name="what">What the entries are, for errors: <c>encoder kind</c>.</param>
public abstract class NamedSet<T>(IEnumerable<T> entries, Func<T, string> nameOf, string what)
{
    private readonly IReadOnlyDictionary<string, T> _byName = Index(entries, nameOf, what);

    /// <summary>The registered names, in ordinal order.</summary>
    public IReadOnlyList<string> Names => [.. _byName.Keys.Order(StringComparer.Ordinal)];

    /// <exception cref="InvalidDataException">No entry of that name is registered.</exception>
    public T Get(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return _byName.TryGetValue(name, out var entry)
            ? entry
            : throw new InvalidDataException($"'{name}' is not a known {what}; the known ones are: {string.Join(", ", Names)}.");
    }

    private static Dictionary<string, T> Index(IEnumerable<T> entries, Func<T, string> nameOf, string what)
    {
        var byName = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!byName.TryAdd(nameOf(entry), entry))
            {
                throw new InvalidOperationException($"Two {what}s are registered as '{nameOf(entry)}'.");
            }
        }
        return byName;
    }
}
