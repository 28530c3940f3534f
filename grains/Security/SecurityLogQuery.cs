namespace Hub.Grains.Security;

/// <summary>
/// Which entries to read, newest first: those of the given accounts (all entries when null),
/// older than <see cref="Before"/> when given, at most <see cref="Limit"/>.
/// </summary>
public sealed record SecurityLogQuery(IReadOnlyCollection<string>? AccountIds, DateTimeOffset? Before, int Limit)
{
    public const int MaxLimit = 500;

    public bool Matches(SecurityEvent entry) =>
        (AccountIds is null || (entry.AccountId is not null && AccountIds.Contains(entry.AccountId)))
        && (Before is null || entry.At < Before);
}
