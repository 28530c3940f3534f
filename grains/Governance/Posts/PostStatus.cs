namespace Hub.Grains.Governance.Posts;

/// <summary>A post's way to the public: draft, in review, approved (先审后发), scheduled, published, and withdrawn after it.</summary>
public static class PostStatus
{
    public const string Draft = "draft";
    public const string Review = "review";
    public const string Approved = "approved";
    public const string Scheduled = "scheduled";
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";
}
