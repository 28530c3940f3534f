namespace Hub.Grains.Governance.Inspection;

/// <summary>Told to the inspectors following a body when one of its runs is taken, by hand or on schedule.</summary>
[GenerateSerializer, Immutable, Alias("hub.inspection-completed")]
public sealed record InspectionCompleted(
    [property: Id(0)] string BodyId,
    [property: Id(1)] RunSummary Run,
    [property: Id(2)] string? ScheduleId);
