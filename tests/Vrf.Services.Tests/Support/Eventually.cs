namespace Vrf.Services.Tests.Support;

/// <summary>Waits for a condition that another process makes true, such as a job record's status.</summary>
public static class Eventually
{
    /// <exception cref="OperationCanceledException">The condition did not hold within <paramref name="timeout"/>.</exception>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(timeout);
        while (!condition())
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }
}
