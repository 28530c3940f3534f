namespace Hub.Grains.ServiceLevels;

/// <summary>
/// An open conversation's clocks as its account keeps them for the service desk. On the desk
/// it also names the agent holding it and its <see cref="Standing"/>: on time, near (past the
/// warning) or overdue.
/// </summary>
[GenerateSerializer, Immutable, Alias("hub.conversation-service-level")]
public sealed record ConversationServiceLevel(
    [property: Id(0)] string ConversationId,
    [property: Id(1)] string Subject,
    [property: Id(2)] IReadOnlyList<ServiceLevelClock> Clocks,
    [property: Id(3)] string? AgentId = null,
    [property: Id(4)] string Standing = ConversationServiceLevel.OnTime)
{
    public const string OnTime = "onTime";
    public const string Near = "near";
    public const string Overdue = "overdue";

    /// <summary>The earliest due time of a clock still to be met; the desk lists the most urgent first.</summary>
    public DateTimeOffset? NextDue => Clocks.Where(c => c.StoppedAt is null).Select(c => (DateTimeOffset?)c.DueAt).Min();

    public ConversationServiceLevel OnDesk(DateTimeOffset now, string? agentId)
    {
        var open = Clocks.Where(c => c.StoppedAt is null).ToList();
        var standing = open.Any(c => c.Status == ServiceLevelClock.Breached || now >= c.DueAt) ? Overdue
            : open.Any(c => now >= c.WarnAt) ? Near
            : OnTime;
        return this with { AgentId = agentId, Standing = standing };
    }
}
