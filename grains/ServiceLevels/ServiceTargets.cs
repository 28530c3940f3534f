namespace Hub.Grains.ServiceLevels;

/// <summary>
/// How much business time an account allows before a citizen hears from an agent, and before
/// the matter is resolved. The defaults hold a live chat to half an hour of office time for
/// the first answer and one working day (seven hours of the default calendar) for the outcome;
/// the 12345 norms for a written request (accepted within one working day, settled within
/// five) are looser, and an account may set either.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.service-targets")]
public sealed record ServiceTargets(
    [property: Id(0)] int FirstResponseMinutes,
    [property: Id(1)] int ResolutionMinutes)
{
    /// <summary>Thirty working days of the default calendar: longer targets are not service levels but backlogs.</summary>
    public const int MaxMinutes = 30 * 7 * 60;

    public static ServiceTargets Default { get; } = new(30, 7 * 60);

    public TimeSpan For(string clock) => TimeSpan.FromMinutes(clock == ServiceLevelClock.FirstResponse ? FirstResponseMinutes : ResolutionMinutes);
}
