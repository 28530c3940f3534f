using Hub.Grains.Common;
using Hub.Grains.Hosting;

namespace Hub.Grains.Conversations.References;

public sealed class ReferenceSequenceGrain(
    [PersistentState("reference-sequence", StorageNames.Grains)] IPersistentState<ReferenceSequenceState> state)
    : Grain, IReferenceSequenceGrain
{
    async Task<long> IReferenceSequenceGrain.Next()
    {
        state.State.Last++;
        await state.WriteOrReload(this);
        return state.State.Last;
    }
}

[GenerateSerializer, Alias("hub.reference-sequence-state")]
public sealed class ReferenceSequenceState
{
    [Id(0)] public long Last { get; set; }
}
