namespace Hub.Grains.Staff;

[GenerateSerializer, Alias("hub.staff-state")]
public sealed class StaffState
{
    [Id(0)] public StaffIdentity? Identity { get; set; }

    /// <summary>A salted PBKDF2 hash; the password itself is never stored.</summary>
    [Id(1)] public string PasswordHash { get; set; } = "";

    /// <summary>A disabled member cannot sign in, and tokens issued before are refused.</summary>
    [Id(4)] public bool Disabled { get; set; }

    /// <summary>Where alerts reach the member while they have no page open; null when none is known.</summary>
    [Id(5)] public string? Email { get; set; }
}
