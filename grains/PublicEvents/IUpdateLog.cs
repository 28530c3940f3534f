namespace Hub.Grains.PublicEvents;

/// <summary>
/// The append-only timeline of public events: published updates are stored once and never
/// rewritten, so an event's state does not grow with its timeline.
/// </summary>
public interface IUpdateLog
{
    /// <summary>Stores the update durably; false when its seq is already taken in that event.</summary>
    Task<bool> Append(EventUpdate update);

    /// <summary>The event's updates in seq order.</summary>
    Task<IReadOnlyList<EventUpdate>> Read(string eventId);
}
