using MassTransit;
using Vrf.Contracts;

namespace Vrf.Client;

/// <summary>Asks the monitor service, on its queue, what its drift windows hold.</summary>
public sealed class DriftClient(IRequestClient<CheckModelDrift> requests)
{
    /// <summary>The monitor service's queue, where <see cref="CheckModelDrift"/> is sent.</summary>
    public const string MonitorQueue = "monitor";

    /// <summary>
    /// The reports of one model (<paramref name="version"/>, else its current version) or of every model
    /// (<paramref name="model"/> null).
    /// </summary>
    /// <exception cref="ModelDriftRefusedException">The monitor cannot report on that model or version.</exception>
    /// <exception cref="MonitorUnavailableException">No answer within <paramref name="timeout"/>.</exception>
    public async Task<IReadOnlyList<ModelDriftReport>> CheckAsync(string? model, int? version, TimeSpan timeout,
        CancellationToken cancellationToken)
    {
        Response<ModelDriftReports, ModelDriftRefused> response;
        try
        {
            response = await requests.GetResponse<ModelDriftReports, ModelDriftRefused>(new CheckModelDrift(model, version),
                cancellationToken, RequestTimeout.After(ms: (int)Math.Ceiling(timeout.TotalMilliseconds)));
        }
        catch (RequestTimeoutException e)
        {
            throw new MonitorUnavailableException(
                $"The monitor service did not answer within {timeout.TotalSeconds:0.#} s: is it running on this bus?", e);
        }
        return response.Is(out Response<ModelDriftRefused>? refused)
            ? throw new ModelDriftRefusedException(refused.Message.Reason, refused.Message.Unknown)
            : response.Is(out Response<ModelDriftReports>? reports) ? reports.Message.Reports
            : throw new InvalidOperationException("The monitor answered with an unexpected message.");
    }
}
