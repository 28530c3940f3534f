namespace Hub.Grains.ApiKeys;

/// <summary>
/// A service account's key: for one account (or every account when <see cref="AccountId"/> is
/// null), to read or to write. Only the SHA-256 of its secret is kept; the secret is shown once.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.api-key")]
public sealed record ApiKey(
    [property: Id(0)] string KeyId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? AccountId,
    [property: Id(3)] string Scope,
    [property: Id(4)] string SecretHash,
    [property: Id(5)] string CreatedBy,
    [property: Id(6)] DateTimeOffset CreatedAt,
    [property: Id(7)] DateTimeOffset? RevokedAt)
{
    public const string Read = "read";
    public const string Write = "write";

    public bool Revoked => RevokedAt is not null;

    /// <summary>What listings show.</summary>
    public ApiKey WithoutHash() => this with { SecretHash = "" };
}
