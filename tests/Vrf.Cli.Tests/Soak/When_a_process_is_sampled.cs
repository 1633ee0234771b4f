using Vrf.Cli.Commands.Bench.Soak;

namespace Vrf.Cli.Tests.Soak;

/// <summary>The soak's reading of a process from <c>/proc</c>, on this test's own process: files it opens show in the
/// count of open files, threads it starts in the threads, and a process that is gone reads as null. (Other tests run
/// in the same process, so the test opens and starts many and allows for some closing meanwhile.)</summary>
public sealed class When_a_process_is_sampled
{
    private const int Files = 32;
    private const int Threads = 8;

    [Fact]
    public void Its_open_files_and_threads_follow_what_it_opens_and_starts()
    {
        var self = Environment.ProcessId;
        var before = ProcessResources.Read(self)!;
        var files = Enumerable.Range(0, Files).Select(_ => File.OpenRead(typeof(When_a_process_is_sampled).Assembly.Location)).ToList();
        using var release = new ManualResetEventSlim();
        using var started = new CountdownEvent(Threads);
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            started.Signal();
            release.Wait();
        })).ToList();
        threads.ForEach(thread => thread.Start());
        started.Wait(TestContext.Current.CancellationToken);
        var after = ProcessResources.Read(self)!;
        release.Set();
        threads.ForEach(thread => thread.Join());
        files.ForEach(file => file.Dispose());

        Assert.True(before.ResidentMiB > 1, $"resident {before.ResidentMiB} MiB");
        Assert.True(after.OpenFiles >= before.OpenFiles + Files / 2, $"open files {before.OpenFiles}, then {after.OpenFiles} with {Files} more open");
        Assert.True(after.Threads >= before.Threads + Threads / 2, $"threads {before.Threads}, then {after.Threads} with {Threads} more started");
    }

    [Fact]
    public void A_process_that_is_gone_reads_as_null() =>
        Assert.Null(ProcessResources.Read(int.MaxValue));
}
