using System.Collections.Concurrent;
using MassTransit;
using Vrf.Contracts;
using Vrf.Imaging;
using Vrf.ServiceDefaults;
using Vrf.Serving;
using Vrf.Serving.Store;

namespace Vrf.Services.Failures;

/// <summary>
/// The <see cref="ClassificationFailureKind"/> of a fault, from the TYPES of its exceptions (a fault names each by its
/// full name), never from their wording. <see cref="UnprocessableMessageException"/> only says that the input is bad:
/// the exception it wraps says how; without a recognised one it is <see cref="ClassificationFailureKind.InvalidInput"/>
/// (a request rule was broken). A fault with no recognised exception is <see cref="ClassificationFailureKind.Internal"/>.
/// </summary>
public static class FailureKinds
{
    /// <summary>
    /// The exceptions that mean bad input, most specific first: the first type an exception is (or derives from) gives
    /// its kind. Every other exception is a failure a retry may fix (<see cref="RejectedInput"/>), and its kind is
    /// <see cref="ClassificationFailureKind.Internal"/>.
    /// </summary>
    private static readonly (Type Type, ClassificationFailureKind Kind)[] Kinds =
    [
        (typeof(ModelNotFoundException), ClassificationFailureKind.UnknownModel),
        (typeof(ModelNotReadyException), ClassificationFailureKind.ModelNotReady),
        (typeof(BundleTamperedException), ClassificationFailureKind.ModelNotReady),
        (typeof(ImageDecodeException), ClassificationFailureKind.InvalidImage),
        (typeof(ModelServingException), ClassificationFailureKind.InvalidInput),
        .. BadInputExceptions.Types.Select(type => (type, ClassificationFailureKind.InvalidInput)),
    ];

    private static readonly ConcurrentDictionary<string, Type?> TypesByName = new(StringComparer.Ordinal);

    public static ClassificationFailureKind Of(Fault fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        return fault.Exceptions.FirstOrDefault() is { } exception ? Of(exception) : ClassificationFailureKind.Internal;
    }

    /// <summary>The kind of an exception and the exceptions inside it, outermost recognised one first.</summary>
    public static ClassificationFailureKind Of(ExceptionInfo exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var rejected = false;
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current.ExceptionType == typeof(UnprocessableMessageException).FullName)
            {
                rejected = true;
            }
            else if (KindOf(current.ExceptionType) is { } kind)
            {
                return kind;
            }
        }
        return rejected ? ClassificationFailureKind.InvalidInput : ClassificationFailureKind.Internal;
    }

    /// <summary>The kind of an exception that means bad input; null for any other exception.</summary>
    public static ClassificationFailureKind? KindOf(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return KindOf(exception.GetType(), exception.GetType().FullName);
    }

    private static ClassificationFailureKind? KindOf(string? typeName) =>
        typeName is null ? null : KindOf(TypesByName.GetOrAdd(typeName, Resolve), typeName);

    /// <param name="type">The exception's type; null when no loaded type has its name (the name alone is compared then).</param>
    private static ClassificationFailureKind? KindOf(Type? type, string? typeName)
    {
        foreach (var (known, kind) in Kinds)
        {
            if (type is not null ? type.IsAssignableTo(known) : typeName == known.FullName)
            {
                return kind;
            }
        }
        return null;
    }

    /// <summary>The loaded type of that full name; null when none is loaded (the name alone is compared then).</summary>
    private static Type? Resolve(string fullName) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(assembly => assembly.GetType(fullName, throwOnError: false)).FirstOrDefault(type => type is not null);
}
