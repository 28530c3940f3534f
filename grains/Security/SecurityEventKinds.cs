namespace Hub.Grains.Security;

/// <summary>The kinds of entry in the security log.</summary>
public static class SecurityEventKinds
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";

    /// <summary>A username was locked for a while after repeated wrong passwords.</summary>
    public const string SignInBackoff = "sign-in-backoff";
    public const string StaffCreated = "staff-created";
    public const string StaffChanged = "staff-changed";
    public const string StaffDisabled = "staff-disabled";
    public const string AccountCreated = "account-created";
    public const string RestrictedWordsChanged = "restricted-words-changed";
    public const string ServiceLevelsChanged = "service-levels-changed";

    /// <summary>An inspector read a conversation they do not take part in.</summary>
    public const string InspectorRead = "inspector-read";

    /// <summary>A live connection was closed by the hub (disabled staff, changed roles, expired token).</summary>
    public const string ConnectionCutOff = "connection-cut-off";
}
