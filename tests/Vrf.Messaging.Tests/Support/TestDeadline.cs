namespace Vrf.Messaging.Tests.Support;

/// <summary>A cancellation that fires when the test is cancelled or takes too long, so a broker that stops answering
/// fails the test instead of hanging the run.</summary>
public static class TestDeadline
{
    public static CancellationTokenSource After(TimeSpan limit)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(limit);
        return deadline;
    }
}
