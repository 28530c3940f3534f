using System.Globalization;
using System.Text;
using Hub.Grains.Governance.Inspection;

namespace Hub.Web.Apis;

/// <summary>An inspection run as CSV, one account per line in rank order, for spreadsheets.</summary>
public static class InspectionCsv
{
    private static readonly string[] Header =
    [
        "rank", "accountId", "bodyId", "score", "flags", "daysSinceUpdate", "unansweredMessages", "oldestUnansweredSince",
        "replyRateWithinTarget", "medianFirstResponseMinutes", "satisfaction", "ratings", "clockBreaches",
        "serviceLevelBreaches", "corrections", "moderationActions",
    ];

    public static string Write(InspectionRun run)
    {
        var csv = new StringBuilder().AppendLine(string.Join(',', Header));
        foreach (var account in run.Accounts)
        {
            var i = account.Indicators;
            csv.AppendLine(string.Join(',', new[]
            {
                Number(account.Rank), Field(i.AccountId), Field(account.BodyId), Number(i.Score), Field(string.Join(' ', i.Flags)),
                Number(i.DaysSinceUpdate), Number(i.UnansweredMessages), i.OldestUnansweredSince?.ToString("O", CultureInfo.InvariantCulture) ?? "",
                Number(i.ReplyRateWithinTarget), Number(i.MedianFirstResponseMinutes), Number(i.Satisfaction), Number(i.Ratings),
                Number(i.ClockBreaches), Number(i.ServiceLevelBreaches), Number(i.Corrections), Number(i.ModerationActions),
            }));
        }
        return csv.ToString();
    }

    private static string Number(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture) ?? "";

    /// <summary>Quoted when it must be; a leading formula character is defused so a spreadsheet shows it as text.</summary>
    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@".Contains(value[0]))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
