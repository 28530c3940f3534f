namespace Hub.LoadTests.Scenarios;

/// <summary>Waiting, after the load, for pushes still on their way.</summary>
public static class Drain
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until the condition holds or the drain is cancelled; answers whether it held.</summary>
    public static async Task<bool> Until(Func<bool> condition, TimeProvider clock, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            try
            {
                await Task.Delay(Poll, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return condition();
            }
        }
        return true;
    }
}
