using System.Text.RegularExpressions;

namespace Hub.Grains.Common;

/// <summary>
/// Conversations and public events get ids the hub generates (32 lower-case hex digits). An
/// id of any other shape names nothing, so it is answered not_found before a grain is
/// activated for it: junk ids cost no activation and no storage read.
/// </summary>
public static partial class GeneratedId
{
    public static string New() => Guid.NewGuid().ToString("N");

    public static string Require(string? id, string what) =>
        id is not null && Pattern().IsMatch(id) ? id : throw RuleViolation.NotFound($"{what} does not exist");

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex Pattern();
}
