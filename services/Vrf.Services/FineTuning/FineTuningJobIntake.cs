using Microsoft.Extensions.Options;
using Vrf.Contracts;
using Vrf.ServiceDefaults;
using Vrf.Serving.Datasets;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;
using Vrf.Training;

namespace Vrf.Services.FineTuning;

/// <summary>
/// Turns a <see cref="RetrainModel"/> into an accepted job in a moment, without training: checks the request, the
/// model and base version (ready; the current one when none is given), the image folders (one sub-folder per class of
/// the model) and the settings, then records the job. A job id that is already recorded changes nothing, so a
/// redelivered request is harmless. A request that can never run is recorded as failed (<see cref="Refuse"/>).
/// </summary>
public sealed class FineTuningJobIntake(
    ModelStore store,
    FineTuningJobStore jobs,
    IOptions<FineTuningOptions> trainerOptions,
    TimeProvider clock)
{
    /// <returns>The job's record: the new one, or the one recorded before under the same id.</returns>
    /// <exception cref="UnprocessableMessageException">The request breaks one of <see cref="RetrainRules.RequestProblems"/>.</exception>
    /// <exception cref="Vrf.Serving.ModelServingException">No such model or version, a version that is not ready, or
    /// an image folder that does not fit the model.</exception>
    /// <exception cref="ArgumentException">Settings the trainer cannot use (<see cref="RetrainRules.SettingProblems"/>).</exception>
    public FineTuningJobRecord Accept(RetrainModel request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (jobs.Find(request.JobId) is { } recorded)
        {
            return recorded;
        }
        if (RetrainRules.RequestProblems(request) is [var problem, ..])
        {
            throw new UnprocessableMessageException($"Retrain request {request.JobId} is not valid: {problem}.");
        }
        var baseBundle = store.Resolve(new ModelReference(request.ModelName, request.BaseVersion));
        var classes = baseBundle.Manifest.ClassNames;
        ImageFolderDataset.Open(request.TrainPath, classes);
        ImageFolderDataset.Open(request.ValidationPath, classes);
        if (request.TestPath is not null)
        {
            ImageFolderDataset.Open(request.TestPath, classes);
        }
        FineTuningSettings.From(request, trainerOptions.Value.CheckpointEverySteps);
        var record = FineTuningJobRecord.Accept(request, baseBundle.Id.Version, clock.GetUtcNow());
        return jobs.TryCreate(record) ? record : jobs.Find(request.JobId)!;
    }

    /// <summary>
    /// Records a request that could not be accepted as a failed job with <paramref name="reason"/>, so that listing or
    /// watching it says so too, and makes the <see cref="FineTuningFailed"/> that tells its sender why; null when the
    /// job id was already recorded with another outcome (a redelivered request of an accepted job).
    /// </summary>
    public FineTuningFailed? Refuse(RetrainModel request, string reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!jobs.TryCreate(FineTuningJobRecord.Refuse(request, reason, clock.GetUtcNow()))
            && jobs.Find(request.JobId) is { Status: not FineTuningJobStatus.Failed })
        {
            return null;
        }
        return new FineTuningFailed(request.JobId, request.ModelName, reason);
    }
}
