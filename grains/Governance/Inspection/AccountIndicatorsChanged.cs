namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// An account's flags or headline indicators (unanswered messages, days since its last update)
/// changed between runs, judged by the rules of the inspecting body it is told to; <see cref="BodyId"/>
/// is the body that runs the account.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.account-indicators-changed")]
public sealed record AccountIndicatorsChanged(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string BodyId,
    [property: Id(2)] AccountIndicators Indicators);
