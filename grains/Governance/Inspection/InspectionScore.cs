namespace Hub.Grains.Governance.Inspection;

/// <summary>
/// The score the ranking sorts by, 0 to 100: a veto scores 0; otherwise 100 less 30 without an
/// update in the warning period and 20 more when inactive, up to 30 for replies outside the
/// target, up to 10 for satisfaction below 5, and 5 per legal-clock or service-level breach up to 20.
/// </summary>
public static class InspectionScore
{
    public static int Of(IReadOnlyList<string> flags, double? replyRate, double? satisfaction, int breaches)
    {
        if (flags.Contains(InspectionFlags.Veto))
        {
            return 0;
        }
        var lost = (flags.Contains(InspectionFlags.NoUpdate) ? 30 : 0)
            + (flags.Contains(InspectionFlags.Inactive) ? 20 : 0)
            + 30 * (1 - (replyRate ?? 1))
            + 10 * (5 - (satisfaction ?? 5)) / 4
            + Math.Min(20, 5 * breaches);
        return (int)Math.Round(Math.Clamp(100 - lost, 0, 100));
    }
}
