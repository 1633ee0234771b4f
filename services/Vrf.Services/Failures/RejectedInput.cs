using Vrf.Imaging;
using Vrf.ServiceDefaults;
using Vrf.Serving;

namespace Vrf.Services.Failures;

/// <summary>
/// Tells a message that can never be processed (a corrupt image, an unknown model version, a vector of the wrong size)
/// from a failure that a retry may fix, and turns the first kind into an <see cref="UnprocessableMessageException"/>: the
/// bus then moves the message to the error queue at once, with the reason, instead of retrying it.
/// </summary>
public static class RejectedInput
{
    /// <summary>Runs <paramref name="work"/>, rethrowing bad input as <see cref="UnprocessableMessageException"/>.</summary>
    public static async Task<T> RejectBadInputAsync<T>(Func<Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return await work();
        }
        catch (Exception e) when (IsBadInput(e))
        {
            throw new UnprocessableMessageException(ReasonText.OneLine(e.Message), e);
        }
    }

    /// <summary>Runs <paramref name="work"/>, rethrowing bad input as <see cref="UnprocessableMessageException"/>.</summary>
    public static T RejectBadInput<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        try
        {
            return work();
        }
        catch (Exception e) when (IsBadInput(e))
        {
            throw new UnprocessableMessageException(ReasonText.OneLine(e.Message), e);
        }
    }

    /// <summary>Failures caused by what the message holds: retrying the same message fails the same way.</summary>
    public static bool IsBadInput(Exception exception) =>
        exception is ModelServingException or ImageDecodeException or ArgumentException or FormatException or InvalidDataException;
}
