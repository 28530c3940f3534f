namespace Hub.Grains.Governance.Posts;

[GenerateSerializer, Alias("hub.account-posts-state")]
public sealed class AccountPostsState
{
    [Id(0)] public List<Post> Posts { get; set; } = [];

    /// <summary>How many reviewers other than the authors approve a post before it may be published (1 to 3).</summary>
    [Id(1)] public int ReviewersRequired { get; set; } = 1;

    [Id(2)] public AccountClosure? Closure { get; set; }
}
