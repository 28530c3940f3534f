using Hub.Grains.Accounts;
using Hub.Grains.Governance.Posts;
using Hub.Grains.Push;

namespace Hub.Realtime.Hubs;

public sealed partial class LiveHub
{
    /// <summary>
    /// Joins the account's followers first and reads its posts second, so no post can fall
    /// between them; each new post then arrives as <c>postPublished</c>.
    /// </summary>
    /// <roles>anyone</roles>
    public async Task<AccountPosts> FollowAccount(string accountId)
    {
        var group = PushGroups.AccountFollowers(AccountId.Require(accountId));
        await grains.GetGrain<IAccountGrain>(accountId).GetProfile();
        await JoinGroup(group);
        return await grains.GetGrain<IAccountPostsGrain>(accountId).GetPublic();
    }

    /// <summary>Stops the account's posts reaching this connection.</summary>
    /// <roles>anyone</roles>
    public Task UnfollowAccount(string accountId) => LeaveGroup(PushGroups.AccountFollowers(AccountId.Require(accountId)));
}
