using Microsoft.Extensions.Time.Testing;

namespace Hub.LoadTests.Tests;

/// <summary>Moves a fake clock forward in small steps until what the test waits for has happened.</summary>
public static class FakeClock
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    public static async Task AdvanceUntil(this FakeTimeProvider clock, Func<bool> done, TimeSpan step)
    {
        var real = System.Diagnostics.Stopwatch.StartNew();
        while (!done())
        {
            Assert.True(real.Elapsed < Deadline, "the awaited condition never came true");
            clock.Advance(step);
            // Let the continuations the advance released run before moving on.
            await Task.Yield();
        }
    }
}
