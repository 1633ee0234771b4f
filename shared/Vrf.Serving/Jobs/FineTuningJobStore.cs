using System.Globalization;
using System.Text.Json;
using Vrf.Contracts;
using Vrf.Serving.Store;

namespace Vrf.Serving.Jobs;

/// <summary>
/// The retrain jobs' records, on the model-store volume so every replica of the fine-tuning service, the gateway and
/// the CLI see the same ones: <c>&lt;store&gt;/.jobs/&lt;job id&gt;/job.json</c>, with the job's <c>checkpoint/</c>
/// folder and its <c>claim</c> lock beside it (the store skips dot-folders, so no model is ever named <c>.jobs</c>).
/// Records change under one lock for all jobs and are written beside their file and renamed into place, so a reader
/// never sees half of one. Thread-safe; several processes may share one store.
/// </summary>
public sealed class FineTuningJobStore
{
    public const string FolderName = ".jobs";
    private const string RecordFileName = "job.json";
    private const string ClaimFileName = "claim";
    private const string CheckpointFolderName = "checkpoint";
    private static readonly TimeSpan LockTimeout = TimeSpan.FromSeconds(30);

    public FineTuningJobStore(ModelStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Root = Path.Combine(store.Root, FolderName);
    }

    /// <summary>The folder holding one sub-folder per job.</summary>
    public string Root { get; }

    /// <summary>A job's record, or null when the store has none of that id.</summary>
    /// <exception cref="InvalidDataException">The record is not valid JSON of this schema.</exception>
    public FineTuningJobRecord? Find(Guid jobId)
    {
        var path = RecordPath(jobId);
        return File.Exists(path) ? Read(path) : null;
    }

    /// <summary>Every job, oldest first.</summary>
    /// <param name="unreadable">Told of each record that cannot be read (its path and why), which is then left out; when
    /// null, such a record throws.</param>
    /// <exception cref="InvalidDataException">A record is not valid and <paramref name="unreadable"/> is null.</exception>
    public IReadOnlyList<FineTuningJobRecord> List(Action<string, string>? unreadable = null) =>
        !Directory.Exists(Root) ? []
        : [.. Directory.EnumerateDirectories(Root)
            .Select(folder => Path.Combine(folder, RecordFileName))
            .Where(File.Exists)
            .Select(path => TryRead(path, unreadable))
            .OfType<FineTuningJobRecord>()
            .OrderBy(record => record.AcceptedAt)
            .ThenBy(record => record.JobId)];

    /// <summary>The oldest job that has not ended and asks for exactly what <paramref name="request"/> asks, whatever
    /// its id (one an interrupted client published, which a worker resumes); null when there is none.</summary>
    public FineTuningJobRecord? FindUnfinished(RetrainModel request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return List().FirstOrDefault(job => !job.IsFinal && job.Request with { JobId = request.JobId } == request);
    }

    /// <summary>Records a new job; false (and nothing written) when a job of that id already exists.</summary>
    public bool TryCreate(FineTuningJobRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        using var storeLock = ModelFolderLock.Acquire(Root, LockTimeout);
        if (File.Exists(RecordPath(record.JobId)))
        {
            return false;
        }
        Directory.CreateDirectory(JobFolder(record.JobId));
        Write(record);
        return true;
    }

    /// <summary>
    /// Changes a job's record under the store's lock and returns the record as it is afterwards; when
    /// <paramref name="change"/> returns the record it was given, nothing is written.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No job has that id.</exception>
    public FineTuningJobRecord Update(Guid jobId, Func<FineTuningJobRecord, FineTuningJobRecord> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        using var storeLock = ModelFolderLock.Acquire(Root, LockTimeout);
        var current = Find(jobId) ?? throw new KeyNotFoundException($"The job store has no job {jobId}.");
        var next = change(current);
        if (ReferenceEquals(next, current))
        {
            return current;
        }
        if (next.JobId != jobId)
        {
            throw new InvalidOperationException($"A change of job {jobId}'s record cannot rename it to {next.JobId}.");
        }
        Write(next);
        return next;
    }

    /// <summary>The right to run a job, or null while someone else holds it.</summary>
    public FineTuningJobClaim? TryClaim(Guid jobId)
    {
        Directory.CreateDirectory(JobFolder(jobId));
        return FineTuningJobClaim.TryTake(jobId, Path.Combine(JobFolder(jobId), ClaimFileName));
    }

    /// <summary>Where a job's checkpoints go.</summary>
    public string CheckpointFolder(Guid jobId) => Path.Combine(JobFolder(jobId), CheckpointFolderName);

    /// <summary>Deletes a job's checkpoints (a job that ended needs them no more); the record stays.</summary>
    public void DeleteCheckpoints(Guid jobId)
    {
        var folder = CheckpointFolder(jobId);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string JobFolder(Guid jobId) => Path.Combine(Root, jobId.ToString("D", CultureInfo.InvariantCulture));

    private string RecordPath(Guid jobId) => Path.Combine(JobFolder(jobId), RecordFileName);

    private void Write(FineTuningJobRecord record)
    {
        var path = RecordPath(record.JobId);
        var partial = $"{path}.{Guid.NewGuid():N}.partial";
        try
        {
            File.WriteAllText(partial, JsonSerializer.Serialize(record, ManifestJson.Options));
            File.Move(partial, path, overwrite: true);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
    }

    private static FineTuningJobRecord? TryRead(string path, Action<string, string>? unreadable)
    {
        if (unreadable is null)
        {
            return Read(path);
        }
        try
        {
            return Read(path);
        }
        catch (InvalidDataException e)
        {
            unreadable(path, e.Message);
            return null;
        }
    }

    private static FineTuningJobRecord Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<FineTuningJobRecord>(stream, ManifestJson.Options)
                   ?? throw new InvalidDataException($"Job record '{path}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Job record '{path}' is not valid: {e.Message}", e);
        }
    }
}
