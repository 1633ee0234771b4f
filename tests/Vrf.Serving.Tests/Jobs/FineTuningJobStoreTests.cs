using Vrf.Contracts;
using Vrf.Serving.Jobs;
using Vrf.Serving.Store;
using Vrf.Testing;

namespace Vrf.Serving.Tests.Jobs;

public sealed class FineTuningJobStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 4, 1, 8, 0, 0, TimeSpan.Zero);

    private readonly TemporaryDirectory _folder = new();
    private readonly ModelStore _models;
    private readonly FineTuningJobStore _jobs;

    public FineTuningJobStoreTests()
    {
        _models = new ModelStore(_folder.File("store"));
        _jobs = new FineTuningJobStore(_models);
    }

    [Fact]
    public void A_job_is_recorded_once_and_read_back_as_written()
    {
        var request = Request();
        var record = FineTuningJobRecord.Accept(request, 2, Now);

        Assert.True(_jobs.TryCreate(record));
        Assert.False(_jobs.TryCreate(FineTuningJobRecord.Refuse(request, "late", Now.AddMinutes(1))));

        Assert.Equal(record, _jobs.Find(request.JobId));
        Assert.Equal(FineTuningJobStatus.Accepted, _jobs.Find(request.JobId)!.Status);
        Assert.Null(_jobs.Find(Guid.NewGuid()));
    }

    [Fact]
    public void Updates_are_kept_and_jobs_are_listed_oldest_first()
    {
        var later = FineTuningJobRecord.Accept(Request(), 1, Now.AddHours(1));
        var earlier = FineTuningJobRecord.Accept(Request(), 1, Now);
        _jobs.TryCreate(later);
        _jobs.TryCreate(earlier);

        var running = _jobs.Update(earlier.JobId, job => job with { Status = FineTuningJobStatus.Running, Step = 7, TotalSteps = 20, LastLoss = 0.5 });

        Assert.Equal([earlier.JobId, later.JobId], _jobs.List().Select(job => job.JobId));
        Assert.Equal(running, _jobs.List()[0]);
        Assert.Equal((7, 20, 0.5), (running.Step, running.TotalSteps, running.LastLoss!.Value));
        Assert.Throws<KeyNotFoundException>(() => _jobs.Update(Guid.NewGuid(), job => job));
    }

    [Fact]
    public void An_unreadable_record_is_reported_and_passed_over_when_asked_and_an_error_otherwise()
    {
        var good = FineTuningJobRecord.Accept(Request(), 1, Now);
        var broken = FineTuningJobRecord.Accept(Request(), 1, Now.AddMinutes(1));
        _jobs.TryCreate(good);
        _jobs.TryCreate(broken);
        var brokenPath = Path.Combine(_jobs.Root, broken.JobId.ToString(), "job.json");
        File.WriteAllText(brokenPath, "{ not json");
        var reported = new List<string>();

        var listed = _jobs.List((path, _) => reported.Add(path));

        Assert.Equal([good.JobId], listed.Select(job => job.JobId));
        Assert.Equal([brokenPath], reported);
        var error = Assert.Throws<InvalidDataException>(() => _jobs.List());
        Assert.Contains(brokenPath, error.Message);
    }

    [Fact]
    public void A_claim_is_exclusive_while_held_and_free_once_released()
    {
        var job = FineTuningJobRecord.Accept(Request(), 1, Now);
        _jobs.TryCreate(job);

        using (var claim = _jobs.TryClaim(job.JobId))
        {
            Assert.NotNull(claim);
            Assert.Null(_jobs.TryClaim(job.JobId));
        }

        using var again = _jobs.TryClaim(job.JobId);
        Assert.NotNull(again);
    }

    [Fact]
    public void The_model_store_sees_no_model_in_the_job_folder()
    {
        _jobs.TryCreate(FineTuningJobRecord.Accept(Request(), 1, Now));
        Directory.CreateDirectory(_jobs.CheckpointFolder(_jobs.List()[0].JobId));

        Assert.Empty(_models.ModelNames());
        Assert.Equal(Path.Combine(_models.Root, ".jobs"), _jobs.Root);
    }

    [Fact]
    public void An_unfinished_job_is_found_by_what_it_asks_for_whatever_its_id()
    {
        var asked = Request();
        var trained = FineTuningJobRecord.Accept(asked with { JobId = Guid.NewGuid() }, 1, Now) with { Status = FineTuningJobStatus.Trained };
        var running = FineTuningJobRecord.Accept(asked with { JobId = Guid.NewGuid() }, 1, Now.AddMinutes(1)) with { Status = FineTuningJobStatus.Running };
        var later = FineTuningJobRecord.Accept(asked with { JobId = Guid.NewGuid() }, 1, Now.AddMinutes(2));
        var otherSeed = FineTuningJobRecord.Accept(asked with { JobId = Guid.NewGuid(), Seed = 9 }, 1, Now);
        Assert.All([trained, running, later, otherSeed], record => Assert.True(_jobs.TryCreate(record)));

        Assert.Equal(running.JobId, _jobs.FindUnfinished(asked with { JobId = Guid.NewGuid() })?.JobId);
        Assert.Null(_jobs.FindUnfinished(asked with { JobId = Guid.NewGuid(), Epochs = 4 }));
    }

    private static RetrainModel Request() => new(Guid.NewGuid(), "pets", null, "/data/train", "/data/val", Epochs: 3);

    public void Dispose() => _folder.Dispose();
}
