using System.Globalization;

namespace Hub.Web.Hosting.Overload;

/// <summary>
/// How many files (sockets included) this process may hold open: the soft RLIMIT_NOFILE, as
/// Linux reports it in /proc/self/limits. Null where that cannot be read or there is no limit.
/// </summary>
public static class OpenFileLimit
{
    private const string LimitsFile = "/proc/self/limits";
    private const string Row = "Max open files";

    public static long? Current()
    {
        try
        {
            return File.Exists(LimitsFile) ? Parse(File.ReadLines(LimitsFile)) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The soft limit from the lines of a limits file: "Max open files  20000  20000  files".</summary>
    public static long? Parse(IEnumerable<string> lines) =>
        lines.FirstOrDefault(l => l.StartsWith(Row, StringComparison.Ordinal)) is { } line
        && long.TryParse(line[Row.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(),
            NumberStyles.None, CultureInfo.InvariantCulture, out var soft)
            ? soft
            : null;
}
