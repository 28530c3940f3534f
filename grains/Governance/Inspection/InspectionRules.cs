using Hub.Grains.Common;

namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// The thresholds an inspecting body judges accounts by. Defaults (see <see cref="InspectionOptions"/>)
/// follow 国办发〔2018〕123号 and the national inspection indicators.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.inspection-rules")]
public sealed record InspectionRules(
    [property: Id(0)] TimeSpan NoUpdateWarning,
    [property: Id(1)] TimeSpan UnansweredVeto,
    [property: Id(2)] TimeSpan InactiveAfter,
    [property: Id(3)] TimeSpan ReplyTarget)
{
    public InspectionRules Validated() =>
        NoUpdateWarning > TimeSpan.Zero && UnansweredVeto > TimeSpan.Zero && ReplyTarget > TimeSpan.Zero && InactiveAfter > NoUpdateWarning
            ? this
            : throw RuleViolation.BadRequest("thresholds must be positive, and inactiveAfter longer than noUpdateWarning");
}
