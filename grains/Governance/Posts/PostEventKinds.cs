namespace Hub.Grains.Governance.Posts;

/// <summary>The audit trail of posts: each step is a security-log entry of the account.</summary>
public static class PostEventKinds
{
    public const string Drafted = "post-drafted";
    public const string Edited = "post-edited";
    public const string Submitted = "post-submitted";
    public const string Approved = "post-approved";
    public const string Returned = "post-returned";
    public const string Scheduled = "post-scheduled";
    public const string Published = "post-published";
    public const string Withdrawn = "post-withdrawn";
    public const string ReviewPolicyChanged = "post-review-policy-changed";
    public const string AccountClosed = "account-closed";
}
