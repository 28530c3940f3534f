namespace Hub.Grains.Governance;

/// <summary>The kinds of security-log entry the governance of the matrix writes (the audit trail inspectors read).</summary>
public static class GovernanceEventKinds
{
    public const string BodyAdded = "body-added";
    public const string BodyMoved = "body-moved";
    public const string AccountPlaced = "account-placed";
    public const string BodyMemberChanged = "body-member-changed";
}
