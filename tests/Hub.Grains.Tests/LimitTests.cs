using Hub.Grains.Common;
using Hub.Grains.Conversations;
using Hub.Grains.Limits;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class LimitTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    [Fact]
    public async Task A_citizen_holds_at_most_three_open_conversations_with_one_account_and_a_refused_one_leaves_nothing()
    {
        var (account, other) = (await _given.Account(), await _given.Account());
        var citizen = Scenario.Citizen();
        var agent = await _given.Agent(account);
        var first = await _given.Start(account, citizen);
        await _given.Start(account, citizen);
        await _given.Start(account, citizen);

        var refusedId = $"{Guid.NewGuid():N}";
        var refused = fixture.Grains.GetGrain<IConversationGrain>(refusedId);
        await Rules.Refused(HubErrorCode.RateLimited, () => refused.Start(citizen, account, "第四个"));

        await Rules.Refused(HubErrorCode.NotFound, () => refused.Describe(citizen));
        await _given.Start(other, citizen);
        await first.Grain.Resolve(agent);
        Assert.Equal("queued", (await _given.Start(account, citizen)).View.Status);
    }

    [Fact]
    public async Task A_user_over_a_limit_is_refused_until_the_window_moves_on()
    {
        var quota = fixture.Grains.GetGrain<IUserQuotaGrain>($"c-{Guid.NewGuid():N}");
        var limit = new LimitOptions().ConversationStarts;
        for (var i = 0; i < limit.Permits; i++)
        {
            await quota.Take(UserAction.ConversationStart);
        }

        var refused = await Assert.ThrowsAsync<RuleViolation>(() => quota.Take(UserAction.ConversationStart));

        Assert.Equal(HubErrorCode.RateLimited, refused.Code);
        Assert.Equal(limit.Window, refused.RetryAfter);
        await quota.Take(UserAction.Message);
        ClusterFixture.Time.Advance(limit.Window);
        await quota.Take(UserAction.ConversationStart);
    }
}
