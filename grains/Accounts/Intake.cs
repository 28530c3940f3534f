namespace Hub.Grains.Accounts;

/// <summary>
/// How the account takes a citizen who starts now: <see cref="LiveChat"/> when an agent is on
/// duty and the account is open, otherwise the citizen leaves a message; <see cref="LeaveMessagesOnly"/>
/// is the supervisor's switch, and <see cref="OutsideHours"/> says the account's own business
/// hours close it now (only when its supervisors chose that citizens leave messages outside them).
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.intake")]
public sealed record Intake(
    [property: Id(0)] string AccountId,
    [property: Id(1)] bool LiveChat,
    [property: Id(2)] bool LeaveMessagesOnly,
    [property: Id(3)] bool OutsideHours = false);
