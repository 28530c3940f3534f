namespace Hub.Grains.PublicEvents;

// The payloads of the public-event pushes that are not records of their own; names in ClientEvents.

[GenerateSerializer, Immutable, Alias("hub.event-status-changed")]
public sealed record EventStatusChanged(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Status,
    [property: Id(2)] string? ClosingSummary);

[GenerateSerializer, Immutable, Alias("hub.clock-changed")]
public sealed record ClockChanged(
    [property: Id(0)] string EventId,
    [property: Id(1)] LegalClock Clock);

/// <summary>A warning (50 or 80 percent of the window gone) or a breach (100), for the lead account's press officers.</summary>
[GenerateSerializer, Immutable, Alias("hub.clock-alert")]
public sealed record ClockAlert(
    [property: Id(0)] string EventId,
    [property: Id(1)] string Title,
    [property: Id(2)] string Clock,
    [property: Id(3)] string Level,
    [property: Id(4)] int Percent,
    [property: Id(5)] DateTimeOffset DueAt,
    [property: Id(6)] DateTimeOffset At);
