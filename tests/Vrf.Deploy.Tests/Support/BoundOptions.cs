using System.Reflection;

namespace Vrf.Deploy.Tests.Support;

/// <summary>An options class a service binds from configuration, and the section it binds it from.</summary>
public sealed record BoundOptions(Type Type, string Section)
{
    /// <summary>The section an options class declares as its <c>Section</c> (or <c>SectionName</c>) constant.</summary>
    public static string SectionOf(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field is { IsLiteral: true, Name: "Section" or "SectionName" })
            .Select(field => (string)field.GetRawConstantValue()!)
            .SingleOrDefault()
        ?? throw new InvalidOperationException($"{type.FullName} declares no Section constant.");

    /// <summary>Whether <c>Section__Property__Nested…</c> names a settable property (a list's items by their index,
    /// <c>Section__Items__0__Name</c>), section names compared as configuration compares them (ignoring case).</summary>
    public bool HasPath(IReadOnlyList<string> path)
    {
        if (path.Count < 2 || !path[0].Equals(Section, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var type = Type;
        foreach (var name in path.Skip(1))
        {
            if (ElementOf(type) is { } element)
            {
                if (!int.TryParse(name, out var index) || index < 0)
                {
                    return false;
                }
                type = element;
                continue;
            }
            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is not { CanWrite: true })
            {
                return false;
            }
            type = property.PropertyType;
        }
        return true;
    }

    /// <summary>The item type of a list the configuration binder fills by index; null for any other type.</summary>
    private static Type? ElementOf(Type type) =>
        type != typeof(string) && type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0] : null;
}
