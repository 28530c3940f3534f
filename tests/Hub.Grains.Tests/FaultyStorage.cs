using System.Collections.Concurrent;
using Orleans.Storage;

namespace Hub.Grains.Tests;

/// <summary>
/// Grain storage that fails the next write of chosen grains, to prove that a write that did
/// not happen is never acknowledged. Everything else goes to the real in-memory storage.
/// </summary>
public sealed class FaultyStorage(IGrainStorage inner) : IGrainStorage
{
    private static readonly ConcurrentDictionary<GrainId, bool> FailNextWrite = new();

    public static void FailNextWriteOf(GrainId grain) => FailNextWrite[grain] = true;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        FailNextWrite.TryRemove(grainId, out _)
            ? throw new IOException($"storage refused the write of {grainId}")
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ClearStateAsync(stateName, grainId, grainState);
}
