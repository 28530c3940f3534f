namespace Hub.Grains.PublicEvents;

/// <summary>The list of public events, one per cluster; each event grain keeps its own line current.</summary>
public interface IPublicEventDirectoryGrain : IGrainWithIntegerKey
{
    Task Upsert(PublicEventSummary summary);

    /// <summary>Events that are not closed first, newest first within each group.</summary>
    Task<IReadOnlyList<PublicEventSummary>> List();
}
