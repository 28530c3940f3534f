using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Hosting;
using Hub.Grains.Push;
using Hub.Grains.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Grains.Governance.Posts;

public sealed partial class AccountPostsGrain(
    [PersistentState("account-posts", StorageNames.Grains)] IPersistentState<AccountPostsState> state,
    IClientPush push,
    ISecurityLog securityLog,
    [FromKeyedServices(HubClock.Key)] TimeProvider time) : Grain, IAccountPostsGrain, IRemindable
{
    public const int MaxTitleLength = 200;
    public const int MaxReviewers = 3;

    private AccountPostsState State => state.State;

    private string AccountId => this.GetPrimaryKeyString();

    async Task IAccountPostsGrain.SetReviewersRequired(Caller keeper, int reviewers)
    {
        if (!keeper.HasRoleIn(AccountId, Roles.Supervisor))
        {
            await Tree.RequireAdminOfAccount(keeper, AccountId);
        }
        if (reviewers is < 1 or > MaxReviewers)
        {
            throw RuleViolation.BadRequest($"a post needs 1 to {MaxReviewers} reviewers");
        }
        await RequireAccount();
        State.ReviewersRequired = reviewers;
        await Save(keeper, PostEventKinds.ReviewPolicyChanged, AccountId, $"{reviewers} reviewers");
    }

    async Task<Post> IAccountPostsGrain.Draft(Caller press, PostDraft draft)
    {
        RequirePress(press);
        var kind = PostKind.Require(draft.Kind);
        var title = ShortText.Require(draft.Title, "title", MaxTitleLength);
        var text = TextRules.RequireText(draft.Text, "text");
        var explains = kind == PostKind.Interpretation ? RequirePublished(draft.ExplainsPostId, PostKind.Policy).PostId : null;
        var corrects = kind == PostKind.Correction ? RequirePublished(draft.CorrectsPostId, null).PostId : null;
        RequireOpen();
        await RequireAccount();

        var post = new Post(AccountId, $"p{State.Posts.Count + 1}", kind, title, text, PostStatus.Draft, [press.UserId], [],
            explains, corrects, time.GetUtcNow());
        State.Posts.Add(post);
        await Save(press, PostEventKinds.Drafted, post.PostId, $"{kind}: {title}");
        return post;
    }

    async Task<Post> IAccountPostsGrain.Edit(Caller press, string postId, string title, string text)
    {
        RequirePress(press);
        var post = RequireStatus(postId, PostStatus.Draft);
        var edited = post with
        {
            Title = ShortText.Require(title, "title", MaxTitleLength),
            Text = TextRules.RequireText(text, "text"),
            AuthorIds = post.AuthorIds.Contains(press.UserId) ? post.AuthorIds : [.. post.AuthorIds, press.UserId],
        };
        return await Store(edited, press, PostEventKinds.Edited);
    }

    async Task<Post> IAccountPostsGrain.Submit(Caller press, string postId)
    {
        RequirePress(press);
        var post = RequireStatus(postId, PostStatus.Draft);
        return await Store(post with { Status = PostStatus.Review, ReturnNote = null }, press, PostEventKinds.Submitted);
    }

    async Task<Post> IAccountPostsGrain.Review(Caller reviewer, string postId, bool approve, string? note)
    {
        if (!reviewer.HasRoleIn(AccountId, Roles.Press) && !reviewer.HasRoleIn(AccountId, Roles.Supervisor))
        {
            throw RuleViolation.Forbidden($"only press officers and supervisors of '{AccountId}' review its posts");
        }
        var post = RequireStatus(postId, PostStatus.Review);
        if (post.AuthorIds.Contains(reviewer.UserId))
        {
            throw RuleViolation.Forbidden("no one reviews a post they wrote");
        }
        if (post.ApprovedBy.Contains(reviewer.UserId))
        {
            throw RuleViolation.Conflict("each reviewer approves a post once; another reviewer must approve it");
        }
        if (!approve)
        {
            var returned = post with { Status = PostStatus.Draft, ApprovedBy = [], ReturnNote = TextRules.RequireText(note, "note") };
            return await Store(returned, reviewer, PostEventKinds.Returned, note);
        }
        IReadOnlyList<string> approvals = [.. post.ApprovedBy, reviewer.UserId];
        var status = approvals.Count >= State.ReviewersRequired ? PostStatus.Approved : PostStatus.Review;
        return await Store(post with { ApprovedBy = approvals, Status = status }, reviewer, PostEventKinds.Approved,
            $"{approvals.Count} of {State.ReviewersRequired}");
    }

    async Task<Post> IAccountPostsGrain.Withdraw(Caller press, string postId, string reason)
    {
        RequirePress(press);
        var post = RequireStatus(postId, PostStatus.Published);
        reason = TextRules.RequireText(reason, "reason");
        var withdrawn = await Store(post with { Status = PostStatus.Withdrawn, WithdrawnAt = time.GetUtcNow(), WithdrawalReason = reason },
            press, PostEventKinds.Withdrawn, reason);
        await push.ToGroups([PushGroups.AccountFollowers(AccountId)], ClientEvents.PostWithdrawn, withdrawn.ToPublic());
        return withdrawn;
    }

    async Task<AccountClosure> IAccountPostsGrain.Close(Caller admin, string notice)
    {
        await Tree.RequireAdminOfAccount(admin, AccountId);
        notice = TextRules.RequireText(notice, "notice");
        RequireOpen();
        await RequireAccount();
        State.Closure = new AccountClosure(time.GetUtcNow(), notice);
        await Save(admin, PostEventKinds.AccountClosed, AccountId, notice);
        await GrainFactory.GetGrain<IAccountDirectoryGrain>(0).MarkClosed(AccountId, State.Closure.ClosedAt);
        await push.ToGroups([PushGroups.AccountFollowers(AccountId)], ClientEvents.AccountClosed, State.Closure);
        return State.Closure;
    }

    async Task<PostQueue> IAccountPostsGrain.GetQueue(Caller staff)
    {
        var serves = new[] { Roles.Press, Roles.Supervisor, Roles.Inspector }.Any(r => staff.HasRoleIn(AccountId, r));
        if (!serves && !await Tree.ReadsAccount(staff, AccountId))
        {
            throw RuleViolation.Forbidden($"only the staff and inspectors of '{AccountId}' see its posts in the making");
        }
        return new PostQueue(State.ReviewersRequired, [.. State.Posts]);
    }

    Task<AccountClosure?> IAccountPostsGrain.GetClosure() => Task.FromResult(State.Closure);

    Task<AccountPosts> IAccountPostsGrain.GetPublic() =>
        Task.FromResult(new AccountPosts(AccountId,
            [.. State.Posts.Where(p => p.IsPublic).OrderByDescending(p => p.PublishedAt).Select(p => p.ToPublic())], State.Closure));

    private IBodyTreeGrain Tree => GrainFactory.GetGrain<IBodyTreeGrain>(0);

    private Task RequireAccount() => GrainFactory.GetGrain<IAccountGrain>(AccountId).GetProfile();

    private void RequirePress(Caller caller)
    {
        if (!caller.HasRoleIn(AccountId, Roles.Press))
        {
            throw RuleViolation.Forbidden($"only press officers of '{AccountId}' write and publish its posts");
        }
    }

    private void RequireOpen()
    {
        if (State.Closure is not null)
        {
            throw RuleViolation.Conflict($"account '{AccountId}' was closed");
        }
    }

    private Post RequirePost(string? postId) =>
        State.Posts.Find(p => p.PostId == postId) ?? throw RuleViolation.NotFound($"post '{postId}' does not exist in this account");

    private Post RequireStatus(string? postId, string status)
    {
        var post = RequirePost(postId);
        return post.Status == status ? post : throw RuleViolation.Conflict($"post {post.PostId} is {post.Status}, not {status}");
    }

    /// <summary>The published post another one explains or corrects (of the given kind when named).</summary>
    private Post RequirePublished(string? postId, string? kind)
    {
        var post = RequirePost(postId);
        if (post.Status != PostStatus.Published || (kind is not null && post.Kind != kind))
        {
            throw RuleViolation.Conflict($"post {post.PostId} is not a published {kind ?? "post"}");
        }
        return post;
    }

    private async Task<Post> Store(Post post, Caller actor, string kind, string? detail = null)
    {
        State.Posts[State.Posts.FindIndex(p => p.PostId == post.PostId)] = post;
        await Save(actor, kind, post.PostId, detail);
        return post;
    }

    private async Task Save(Caller actor, string kind, string subject, string? detail)
    {
        await state.WriteOrReload(this);
        await securityLog.Record(time, kind, actor, AccountId, subject, detail);
    }
}
