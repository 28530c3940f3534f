namespace Hub.Grains.PublicEvents;

/// <summary>
/// The legal clocks per severity grade, bound from <c>Hub:Clocks</c>
/// (e.g. <c>Hub__Clocks__Grades__1__information=03:00:00</c>). The defaults follow the
/// national rules: grades 1-2 give authoritative information within 5 hours and hold a press
/// conference within 24 hours; grades 3-4 respond within 48 hours.
/// </summary>
public sealed class LegalClockOptions
{
    public const string Section = "Hub:Clocks";

    public Dictionary<int, Dictionary<string, TimeSpan>> Grades { get; set; } = new()
    {
        [1] = SeriousGrade(),
        [2] = SeriousGrade(),
        [3] = new() { [LegalClock.Response] = TimeSpan.FromHours(48) },
        [4] = new() { [LegalClock.Response] = TimeSpan.FromHours(48) },
    };

    public IReadOnlyDictionary<string, TimeSpan> For(int severity) =>
        Grades.TryGetValue(severity, out var clocks) ? clocks : new Dictionary<string, TimeSpan>();

    private static Dictionary<string, TimeSpan> SeriousGrade() => new()
    {
        [LegalClock.Information] = TimeSpan.FromHours(5),
        [LegalClock.PressConference] = TimeSpan.FromHours(24),
    };
}
