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
/// model and base version (ready; the current one when none is given), the settings, the image folders (under the data
/// roots, one sub-folder per class of the model, not too many images for the settings) and records the job with the
/// folders' canonical paths. A job id that is already recorded changes nothing, so a
/// redelivered request is harmless. A request that can never run is recorded as failed (<see cref="Refuse"/>).
/// </summary>
public sealed class FineTuningJobIntake(
    ModelStore store,
    FineTuningJobStore jobs,
    IOptions<FineTuningOptions> trainerOptions,
    IOptions<FineTuningWorkerOptions> workerOptions,
    TimeProvider clock)
{
    private readonly DataRoots _roots =
        new(workerOptions.Value.DataRoots, $"{FineTuningWorkerOptions.Section}:{nameof(FineTuningWorkerOptions.DataRoots)}");

    /// <returns>The job's record: the new one, or the one recorded before under the same id.</returns>
    /// <exception cref="UnprocessableMessageException">The request breaks one of <see cref="RetrainRules.RequestProblems"/>
    /// or <see cref="RetrainRules.SizeProblems"/>.</exception>
    /// <exception cref="Vrf.Serving.ModelServingException">No such model or version, a version that is not ready, or
    /// an image folder outside the data roots or that does not fit the model.</exception>
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
        var settings = FineTuningSettings.From(request, trainerOptions.Value.CheckpointEverySteps);
        var confined = request with
        {
            TrainPath = _roots.Confine(nameof(request.TrainPath), request.TrainPath),
            ValidationPath = _roots.Confine(nameof(request.ValidationPath), request.ValidationPath),
            TestPath = request.TestPath is null ? null : _roots.Confine(nameof(request.TestPath), request.TestPath),
        };
        List<(string Setting, int Images)> folders =
        [
            (nameof(request.TrainPath), _roots.Open(nameof(request.TrainPath), confined.TrainPath, classes).Count),
            (nameof(request.ValidationPath), _roots.Open(nameof(request.ValidationPath), confined.ValidationPath, classes).Count),
        ];
        if (confined.TestPath is not null)
        {
            folders.Add((nameof(request.TestPath), _roots.Open(nameof(request.TestPath), confined.TestPath, classes).Count));
        }
        if (RetrainRules.SizeProblems(folders, settings.EpochsOverTrainingImages) is [var tooMuch, ..])
        {
            throw new UnprocessableMessageException($"Retrain request {request.JobId} asks for too much: {tooMuch}.");
        }
        var record = FineTuningJobRecord.Accept(confined, baseBundle.Id.Version, clock.GetUtcNow());
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
