using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Scenarios;

/// <summary>Opening and closing many hub connections without opening them all in the same instant.</summary>
public static class Connections
{
    /// <summary>Connections opened at once while setting up; enough to be quick, few enough not to look like a storm.</summary>
    public const int SetUpParallelism = 32;

    public static async Task<T[]> OpenMany<T>(int count, Func<int, CancellationToken, Task<T>> open, CancellationToken cancellationToken)
    {
        var opened = new T[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = SetUpParallelism, CancellationToken = cancellationToken },
            async (i, token) => opened[i] = await open(i, token));
        return opened;
    }

    public static Task CloseAll(IEnumerable<HubConnection?> connections) =>
        Task.WhenAll(connections.OfType<HubConnection>().Select(c => c.DisposeAsync().AsTask()));
}
