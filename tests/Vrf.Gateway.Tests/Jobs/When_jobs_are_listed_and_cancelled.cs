using System.Net;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Vrf.Contracts;
using Vrf.Gateway.Tests.Support;
using Vrf.Serving.Jobs;

namespace Vrf.Gateway.Tests.Jobs;

/// <summary><c>GET /v1/jobs</c>, <c>GET /v1/jobs/{id}</c> and <c>POST /v1/jobs/{id}/cancel</c> on job records in the
/// gateway's model store.</summary>
public sealed class When_jobs_are_listed_and_cancelled : IClassFixture<GatewayApp>
{
    private static readonly DateTimeOffset AcceptedAt = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly GatewayApp _app;
    private readonly HttpClient _client;
    private readonly FineTuningJobRecord _running;
    private readonly FineTuningJobRecord _trained;

    public When_jobs_are_listed_and_cancelled(GatewayApp app)
    {
        _app = app;
        _client = app.CreateClient();
        var jobs = new FineTuningJobStore(app.Models.Store);
        _running = FineTuningJobRecord.Accept(Request(), 2, AcceptedAt) with
        {
            Status = FineTuningJobStatus.Running, Stage = "fine-tune", Epoch = 2, Step = 40, TotalSteps = 100, LastLoss = 0.25, Attempts = 1,
        };
        _trained = FineTuningJobRecord.Accept(Request(), 2, AcceptedAt.AddMinutes(1)) with
        {
            Status = FineTuningJobStatus.Trained, Step = 100, TotalSteps = 100, ResultVersion = 4, ValidationAccuracy = 0.9,
        };
        jobs.TryCreate(_running);
        jobs.TryCreate(_trained);
    }

    [Fact]
    public async Task Should_list_each_job_with_its_status_progress_and_request()
    {
        using var response = await _client.GetAsync("/v1/jobs", TestContext.Current.CancellationToken);

        var jobs = (await Responses.JsonAsync(response)).GetProperty("jobs").EnumerateArray().ToList();
        var running = jobs.Single(job => job.GetProperty("jobId").GetGuid() == _running.JobId);
        Assert.Equal(("running", 40, 100, 0.25), (running.GetProperty("status").GetString(), running.GetProperty("step").GetInt32(),
            running.GetProperty("totalSteps").GetInt32(), running.GetProperty("lastLoss").GetDouble()));
        Assert.Equal("/data/train", running.GetProperty("request").GetProperty("trainPath").GetString());
        var trained = jobs.Single(job => job.GetProperty("jobId").GetGuid() == _trained.JobId);
        Assert.Equal(("trained", 4), (trained.GetProperty("status").GetString(), trained.GetProperty("resultVersion").GetInt32()));
    }

    [Fact]
    public async Task Should_leave_an_unreadable_record_out_of_the_list_and_list_the_others()
    {
        var broken = FineTuningJobRecord.Accept(Request(), 2, AcceptedAt.AddMinutes(2));
        var jobs = new FineTuningJobStore(_app.Models.Store);
        jobs.TryCreate(broken);
        File.WriteAllText(Path.Combine(jobs.Root, broken.JobId.ToString(), "job.json"), "{ cut off");

        using var response = await _client.GetAsync("/v1/jobs", TestContext.Current.CancellationToken);

        var listed = (await Responses.JsonAsync(response)).GetProperty("jobs").EnumerateArray().Select(job => job.GetProperty("jobId").GetGuid()).ToList();
        Assert.Contains(_running.JobId, listed);
        Assert.Contains(_trained.JobId, listed);
        Assert.DoesNotContain(broken.JobId, listed);
    }

    [Fact]
    public async Task Should_describe_one_job_and_answer_404_for_an_unknown_one()
    {
        using var response = await _client.GetAsync($"/v1/jobs/{_running.JobId}", TestContext.Current.CancellationToken);
        var job = await Responses.JsonAsync(response);
        Assert.Equal(("tiny", "fine-tune", 2), (job.GetProperty("model").GetString(), job.GetProperty("stage").GetString(), job.GetProperty("epoch").GetInt32()));

        using var unknown = await _client.GetAsync($"/v1/jobs/{Guid.NewGuid()}", TestContext.Current.CancellationToken);
        await Responses.ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_publish_a_cancel_for_a_running_job_and_refuse_one_that_ended_with_409()
    {
        using var cancel = await _client.PostAsync($"/v1/jobs/{_running.JobId}/cancel", null, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Accepted, cancel.StatusCode);
        Assert.Equal($"/v1/jobs/{_running.JobId}", cancel.Headers.Location?.OriginalString);
        Assert.True(await _app.Services.GetRequiredService<ITestHarness>().Published.Any<CancelFineTuning>(
            message => message.Context.Message.JobId == _running.JobId, TestContext.Current.CancellationToken));

        using var ended = await _client.PostAsync($"/v1/jobs/{_trained.JobId}/cancel", null, TestContext.Current.CancellationToken);
        Assert.Contains("already ended", (await Responses.ProblemAsync(ended, HttpStatusCode.Conflict)).GetProperty("detail").GetString());

        using var unknown = await _client.PostAsync($"/v1/jobs/{Guid.NewGuid()}/cancel", null, TestContext.Current.CancellationToken);
        await Responses.ProblemAsync(unknown, HttpStatusCode.NotFound);
    }

    private static RetrainModel Request() => new(Guid.NewGuid(), "tiny", 2, "/data/train", "/data/val");
}
