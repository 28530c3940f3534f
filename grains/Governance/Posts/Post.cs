namespace Hub.Grains.Governance.Posts;

/// <summary>One post of an account, as its staff see it, with who wrote and who approved it.</summary>
[GenerateSerializer, Immutable, Alias("hub.post")]
public sealed record Post(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string PostId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] string Text,
    [property: Id(5)] string Status,
    [property: Id(6)] IReadOnlyList<string> AuthorIds,
    [property: Id(7)] IReadOnlyList<string> ApprovedBy,
    [property: Id(8)] string? ExplainsPostId,
    [property: Id(9)] string? CorrectsPostId,
    [property: Id(10)] DateTimeOffset CreatedAt,
    [property: Id(11)] DateTimeOffset? ScheduledFor = null,
    [property: Id(12)] DateTimeOffset? PublishedAt = null,
    [property: Id(13)] DateTimeOffset? WithdrawnAt = null,
    [property: Id(14)] string? WithdrawalReason = null,
    [property: Id(15)] string? ReturnNote = null)
{
    public bool IsPublic => Status is PostStatus.Published or PostStatus.Withdrawn;

    /// <summary>What the public sees: no staff ids, and a withdrawn post's reason in place of its text.</summary>
    public PublicPost ToPublic() =>
        new(AccountId, PostId, Kind, Title, Status == PostStatus.Withdrawn ? "" : Text, ExplainsPostId, CorrectsPostId,
            PublishedAt!.Value, WithdrawnAt, WithdrawalReason);
}

/// <summary>A published (or withdrawn) post as citizens see it.</summary>
[GenerateSerializer, Immutable, Alias("hub.public-post")]
public sealed record PublicPost(
    [property: Id(0)] string AccountId,
    [property: Id(1)] string PostId,
    [property: Id(2)] string Kind,
    [property: Id(3)] string Title,
    [property: Id(4)] string Text,
    [property: Id(5)] string? ExplainsPostId,
    [property: Id(6)] string? CorrectsPostId,
    [property: Id(7)] DateTimeOffset PublishedAt,
    [property: Id(8)] DateTimeOffset? WithdrawnAt,
    [property: Id(9)] string? WithdrawalReason);

/// <summary>A new post as its author enters it; an interpretation names the policy it explains, a correction what it corrects.</summary>
[GenerateSerializer, Immutable, Alias("hub.post-draft")]
public sealed record PostDraft(
    [property: Id(0)] string? Kind,
    [property: Id(1)] string? Title,
    [property: Id(2)] string? Text,
    [property: Id(3)] string? ExplainsPostId = null,
    [property: Id(4)] string? CorrectsPostId = null);

/// <summary>An account's public page: its posts, newest first, and the notice it was closed with.</summary>
[GenerateSerializer, Immutable, Alias("hub.account-posts")]
public sealed record AccountPosts(
    [property: Id(0)] string AccountId,
    [property: Id(1)] IReadOnlyList<PublicPost> Posts,
    [property: Id(2)] AccountClosure? Closure);

/// <summary>A body admin closed the account (an inactive "zombie" account), with a notice for the public.</summary>
[GenerateSerializer, Immutable, Alias("hub.account-closure")]
public sealed record AccountClosure(
    [property: Id(0)] DateTimeOffset ClosedAt,
    [property: Id(1)] string Notice);
