using Hub.Grains.Common;
using Orleans.Concurrency;

namespace Hub.Grains.Governance.Posts;

/// <summary>
/// One account's authoritative posts, keyed by account id: press officers write them, reviewers
/// who did not write them approve them (先审后发), and only then are they published, now or at a
/// set time. Followers of the account get each published post live.
/// </summary>
public interface IAccountPostsGrain : IGrainWithStringKey
{
    /// <summary>How many reviewers a post needs (1 to 3); the account's supervisors and the admins over its body.</summary>
    Task SetReviewersRequired(Caller keeper, int reviewers);

    Task<Post> Draft(Caller press, PostDraft draft);

    /// <summary>Changes a draft; the editor becomes one of its authors.</summary>
    Task<Post> Edit(Caller press, string postId, string title, string text);

    /// <summary>Sends a draft to review.</summary>
    Task<Post> Submit(Caller press, string postId);

    /// <summary>
    /// A press officer or supervisor who wrote none of it approves the post, or returns it to
    /// draft with a note (which clears earlier approvals).
    /// </summary>
    Task<Post> Review(Caller reviewer, string postId, bool approve, string? note);

    /// <summary>Publishes an approved post now, or at <paramref name="at"/> (not in the past).</summary>
    Task<Post> Publish(Caller press, string postId, DateTimeOffset? at);

    /// <summary>Withdraws a published post; the reason stays public in its place.</summary>
    Task<Post> Withdraw(Caller press, string postId, string reason);

    /// <summary>Closes the account with a public notice; an admin over its body. No post is published after.</summary>
    Task<AccountClosure> Close(Caller admin, string notice);

    /// <summary>Every post and the review policy, for the account's press officers, supervisors and inspectors and readers over its body.</summary>
    [ReadOnly]
    Task<PostQueue> GetQueue(Caller staff);

    /// <summary>The notice the account was closed with, or null while it is open.</summary>
    [ReadOnly]
    Task<AccountClosure?> GetClosure();

    /// <summary>The public page: published and withdrawn posts, newest first, and a closure notice.</summary>
    [ReadOnly]
    Task<AccountPosts> GetPublic();
}

[GenerateSerializer, Immutable, Alias("hub.post-queue")]
public sealed record PostQueue(
    [property: Id(0)] int ReviewersRequired,
    [property: Id(1)] IReadOnlyList<Post> Posts);
