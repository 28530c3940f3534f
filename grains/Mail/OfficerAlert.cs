namespace Hub.Grains.Mail;

/// <summary>
/// Something an account's officers must hear of even with no page open, as an e-mail. The
/// <see cref="Key"/> names the event (a clock's warning, a conversation's breach): each officer
/// gets one mail per key however often it is raised. The officers are the account's members
/// holding one of <see cref="Roles"/>, and the members named in <see cref="UserIds"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.officer-alert")]
public sealed record OfficerAlert(
    [property: Id(0)] string Key,
    [property: Id(1)] IReadOnlyList<string> Roles,
    [property: Id(2)] IReadOnlyList<string> UserIds,
    [property: Id(3)] string Subject,
    [property: Id(4)] string Body);
