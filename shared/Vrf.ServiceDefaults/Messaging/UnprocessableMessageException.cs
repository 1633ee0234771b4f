namespace Vrf.ServiceDefaults;

/// <summary>
/// Thrown by a consumer when its message can never be processed, however often it is retried: a corrupt image, an
/// unknown model version, a vector of the wrong size. The bus does not retry it: the message goes straight to the
/// endpoint's <c>_error</c> queue with this exception's message as the fault reason, and a <c>Fault</c> is published.
/// </summary>
public sealed class UnprocessableMessageException : Exception
{
    /// <summary>Creates the exception with a reason the message's sender can act on.</summary>
    public UnprocessableMessageException(string reason)
        : base(reason)
    {
    }

    /// <summary>Creates the exception with a reason and the failure that revealed it.</summary>
    public UnprocessableMessageException(string reason, Exception innerException)
        : base(reason, innerException)
    {
    }
}
