namespace Hub.Grains.Push;

/// <summary>Names of the connection groups grains push to.</summary>
public static class PushGroups
{
    /// <summary>Every connection following a public event.</summary>
    public static string Followers(string eventId) => $"event:{eventId}";

    /// <summary>The followers of a public event who receive each changed vote count as its own <c>questionUpdated</c> (the contract's way).</summary>
    public static string VoteFollowers(string eventId) => $"event-votes:{eventId}";

    /// <summary>The followers of a public event who receive changed vote counts as one <c>votesChanged</c> per period.</summary>
    public static string BoardFollowers(string eventId) => $"event-board:{eventId}";

    /// <summary>Every connection of a press officer of an account.</summary>
    public static string PressOf(string accountId) => $"press:{accountId}";

    /// <summary>Every connection of a Q&amp;A moderator of an account.</summary>
    public static string ModeratorsOf(string accountId) => $"moderators:{accountId}";

    /// <summary>Every connection of a supervisor of an account (service-level breaches).</summary>
    public static string SupervisorsOf(string accountId) => $"supervisors:{accountId}";

    /// <summary>Every connection watching an account's webhook deliveries (its webhooks page).</summary>
    public static string WebhookKeepersOf(string ownerKey) => $"webhooks:{ownerKey}";

    /// <summary>Every connection following an account's posts.</summary>
    public static string AccountFollowers(string accountId) => $"account:{accountId}";

    /// <summary>Every connection of a reader of a body following its inspections.</summary>
    public static string InspectorsOf(string bodyId) => $"inspection:{bodyId}";
}
