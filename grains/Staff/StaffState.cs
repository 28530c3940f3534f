namespace Hub.Grains.Staff;

[GenerateSerializer, Alias("hub.staff-state")]
public sealed class StaffState
{
    [Id(0)] public StaffIdentity? Identity { get; set; }

    /// <summary>A salted PBKDF2 hash; the password itself is never stored.</summary>
    [Id(1)] public string PasswordHash { get; set; } = "";
    [Id(2)] public int FailedSignIns { get; set; }
    [Id(3)] public DateTimeOffset? LockedUntil { get; set; }
}
