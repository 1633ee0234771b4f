namespace Vrf.ServiceDefaults;

/// <summary>
/// .NET's own exception types that mean a message's content is bad, however often it is retried: an argument out of
/// range, text that does not parse, data that is not what it claims to be. The retry policy never retries them (nor an
/// <see cref="UnprocessableMessageException"/>); a service's table of failure kinds adds its own domain types to them.
/// </summary>
public static class BadInputExceptions
{
    public static IReadOnlyList<Type> Types { get; } = [typeof(ArgumentException), typeof(FormatException), typeof(InvalidDataException)];
}
