using Hub.Grains.Common;
using Hub.Grains.Hosting;

namespace Hub.Grains.PublicEvents;

public sealed class PublicEventDirectoryGrain(
    [PersistentState("public-event-directory", StorageNames.Grains)] IPersistentState<PublicEventDirectoryState> state)
    : Grain, IPublicEventDirectoryGrain
{
    async Task IPublicEventDirectoryGrain.Upsert(PublicEventSummary summary)
    {
        state.State.Events[summary.EventId] = summary;
        await state.WriteOrReload(this);
    }

    Task<IReadOnlyList<PublicEventSummary>> IPublicEventDirectoryGrain.List() =>
        Task.FromResult<IReadOnlyList<PublicEventSummary>>([.. state.State.Events.Values
            .OrderBy(e => e.Status == PublicEventStatus.Closed)
            .ThenByDescending(e => e.OpenedAt)]);
}

[GenerateSerializer, Alias("hub.public-event-directory-state")]
public sealed class PublicEventDirectoryState
{
    [Id(0)] public Dictionary<string, PublicEventSummary> Events { get; set; } = [];
}
