namespace Hub.Grains.Accounts;

/// <summary>The routing rule: who gets the next conversation of an account.</summary>
public static class AgentSelection
{
    /// <summary>
    /// The available and present agent below capacity with the fewest open conversations; ties go to
    /// whoever has waited longest since their last assignment, then to the lower id so the
    /// choice is deterministic. Null when nobody can take one.
    /// </summary>
    public static string? Pick(IReadOnlyDictionary<string, AgentSlot> agents, int defaultCapacity, Func<string, bool> isPresent) =>
        agents
            .Where(a => a.Value.Available && a.Value.Open.Count < (a.Value.Capacity ?? defaultCapacity) && isPresent(a.Key))
            .OrderBy(a => a.Value.Open.Count)
            .ThenBy(a => a.Value.WaitingSince)
            .ThenBy(a => a.Key, StringComparer.Ordinal)
            .Select(a => a.Key)
            .FirstOrDefault();
}
