namespace Hub.Grains.Governance.Inspection;

[GenerateSerializer, Alias("hub.body-inspection-state")]
public sealed class BodyInspectionState
{
    /// <summary>The thresholds this body inspects by; null for the configured defaults.</summary>
    [Id(0)] public InspectionRules? Rules { get; set; }

    [Id(1)] public List<InspectionRun> Runs { get; set; } = [];

    /// <summary>Notices other bodies circulated to this one.</summary>
    [Id(2)] public List<InspectionNotice> Notices { get; set; } = [];

    [Id(3)] public int RunsTaken { get; set; }

    /// <summary>Runs asked for at a later time, the soonest first.</summary>
    [Id(4)] public List<ScheduledInspection> Scheduled { get; set; } = [];

    [Id(5)] public int RunsScheduled { get; set; }
}
