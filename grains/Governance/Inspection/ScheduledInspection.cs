using Hub.Grains.Common;

namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// A run an inspector asked for at a chosen time. It is taken in that inspector's name, so one
/// who no longer reads the body by then has the run dropped rather than taken.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.scheduled-inspection")]
public sealed record ScheduledInspection(
    [property: Id(0)] string ScheduleId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] Caller RequestedBy)
{
    public ScheduledInspectionView View() => new(ScheduleId, At, RequestedBy.UserId, RequestedBy.DisplayName);
}

/// <summary>A scheduled run as inspectors see it.</summary>
[GenerateSerializer, Immutable, Alias("hub.scheduled-inspection-view")]
public sealed record ScheduledInspectionView(
    [property: Id(0)] string ScheduleId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string RequestedById,
    [property: Id(3)] string RequestedByName);
