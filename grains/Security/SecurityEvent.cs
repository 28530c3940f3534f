using Hub.Grains.Common;

namespace Hub.Grains.Security;

/// <summary>
/// One line of the security log: when, what kind, who did it, in which account, about whom
/// or what, from where, and a short detail. Text is made safe as the entry is built: no line
/// breaks or other control and direction characters (a forged second line), and bounded
/// lengths, so whatever a caller typed cannot disguise or flood the log.
/// </summary>
public sealed record SecurityEvent(
    DateTimeOffset At,
    string Kind,
    string ActorId,
    string ActorName,
    string? AccountId,
    string Subject,
    string? ClientAddress,
    string? Detail)
{
    public const int MaxIdLength = 128;
    public const int MaxNameLength = 200;
    public const int MaxDetailLength = 500;

    public string Kind { get; init; } = OneLine.Clean(Kind, MaxIdLength);
    public string ActorId { get; init; } = OneLine.Clean(ActorId, MaxIdLength);
    public string ActorName { get; init; } = OneLine.Clean(ActorName, MaxNameLength);
    public string? AccountId { get; init; } = OneLine.CleanOrNull(AccountId, MaxIdLength);
    public string Subject { get; init; } = OneLine.Clean(Subject, MaxNameLength);
    public string? ClientAddress { get; init; } = OneLine.CleanOrNull(ClientAddress, MaxIdLength);
    public string? Detail { get; init; } = OneLine.CleanOrNull(Detail, MaxDetailLength);
}
