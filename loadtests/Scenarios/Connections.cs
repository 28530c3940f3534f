using Hub.LoadTests.Runner;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Scenarios;

/// <summary>
/// Opening and closing many hub connections without opening them all in the same instant: a
/// few at a time, and no faster than the run's connect rate when it has one. A connection that
/// cannot be opened is counted by cause on the scenario's "connect" step and left out; the
/// scenario goes on with the others.
/// </summary>
public static class Connections
{
    /// <summary>Connections opened at once while setting up; enough to be quick, few enough not to look like a storm.</summary>
    public const int SetUpParallelism = 64;

    public static async Task<T[]> OpenMany<T>(
        ScenarioContext context, int count, Func<int, CancellationToken, Task<T>> open, CancellationToken cancellationToken)
    {
        ConnectionFailures.Declare(context);
        var opened = new T[count];
        var isOpen = new bool[count];
        var started = context.Clock.GetTimestamp();
        await InParallel(count, async (i, token) =>
        {
            if (context.ConnectRate is { } rate && TimeSpan.FromSeconds(i / rate) - context.Clock.GetElapsedTime(started) is { Ticks: > 0 } wait)
            {
                await Task.Delay(wait, context.Clock, token);
            }
            try
            {
                opened[i] = await open(i, token);
                isOpen[i] = true;
                context.Count(ConnectionFailures.Step, ConnectionFailures.Opened);
            }
            catch (Exception error) when (!token.IsCancellationRequested)
            {
                context.Count(ConnectionFailures.Step, ConnectionFailures.Cause(error));
            }
        }, cancellationToken);
        return [.. opened.Where((_, i) => isOpen[i])];
    }

    /// <summary>Runs a set-up action for each of count items, a few at a time; the first failure fails the set-up.</summary>
    public static Task InParallel(int count, Func<int, CancellationToken, ValueTask> action, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = SetUpParallelism, CancellationToken = cancellationToken }, action);

    public static Task CloseAll(IEnumerable<HubConnection?> connections) =>
        Task.WhenAll(connections.OfType<HubConnection>().Select(c => c.DisposeAsync().AsTask()));
}
