using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SecurityLogTests(ClusterFixture fixture)
{
    private ISecurityLog Log => fixture.Cluster.GetSiloServiceProvider().GetRequiredService<ISecurityLog>();

    private Task<IReadOnlyList<SecurityEvent>> EntriesOf(string accountId) =>
        Log.Read(new SecurityLogQuery([accountId], null, SecurityLogQuery.MaxLimit));

    [Fact]
    public async Task Creating_an_account_and_changing_its_restricted_words_are_recorded()
    {
        var id = $"sec-{Guid.NewGuid():N}"[..24];
        var admin = new Caller("s-admin", "首席管理员", [Roles.Admin], []);
        var moderator = Scenario.Staff(id, Roles.Moderator);

        await fixture.Grains.GetGrain<IAccountDirectoryGrain>(0).Register(id, "市政务服务中心", "政务服务管理局", admin);
        await fixture.Grains.GetGrain<IAccountGrain>(id).SetRestrictedWords(moderator, ["广告", "违禁词"]);
        await Rules.Refused(HubErrorCode.Forbidden, () => fixture.Grains.GetGrain<IAccountGrain>(id).SetRestrictedWords(Scenario.Citizen(), ["x"]));

        var entries = await EntriesOf(id);
        Assert.Equal([SecurityEventKinds.RestrictedWordsChanged, SecurityEventKinds.AccountCreated], entries.Select(e => e.Kind));
        Assert.Equal((moderator.UserId, id, "2 in the list, 2 added, 0 removed"), (entries[0].ActorId, entries[0].Subject, entries[0].Detail));
        Assert.Equal((admin.UserId, "首席管理员", id), (entries[1].ActorId, entries[1].ActorName, entries[1].AccountId));
        Assert.Equal(ClusterFixture.Time.GetUtcNow(), entries[1].At);
    }

    [Fact]
    public async Task An_inspector_reading_a_conversation_is_recorded_and_a_participant_is_not()
    {
        var given = new Scenario(fixture);
        var account = await given.Account();
        var (conversation, _) = await given.Start(account, Scenario.Citizen());
        var inspector = Scenario.Staff(account, Roles.Inspector);

        await conversation.Describe(inspector);
        await conversation.GetHistory(inspector, 0);

        var reads = await EntriesOf(account);
        Assert.Equal(["history after seq 0", "opened the conversation"], reads.Select(e => e.Detail));
        Assert.All(reads, e => Assert.Equal((SecurityEventKinds.InspectorRead, inspector.UserId, conversation.GetPrimaryKeyString()), (e.Kind, e.ActorId, e.Subject)));
    }

    [Fact]
    public void Entries_are_one_line_of_bounded_length()
    {
        var entry = new SecurityEvent(DateTimeOffset.UnixEpoch, SecurityEventKinds.SignInFailed, "s-1", "名字\r\n2026-01-01 sign-in admin",
            null, "user\u202e", "10.0.0.1", new string('x', 2000));

        Assert.Equal("名字  2026-01-01 sign-in admin", entry.ActorName);
        Assert.Equal("user ", entry.Subject);
        Assert.Equal(SecurityEvent.MaxDetailLength, entry.Detail!.Length);
        Assert.EndsWith("x…", entry.Detail);
        Assert.Null(entry.AccountId);
    }

    [Fact]
    public async Task The_memory_log_keeps_the_latest_entries_newest_first()
    {
        var log = new InMemorySecurityLog(capacity: 3);
        for (var i = 1; i <= 5; i++)
        {
            await log.Append(new SecurityEvent(DateTimeOffset.UnixEpoch.AddMinutes(i), SecurityEventKinds.SignIn, $"s-{i}", "officer", i % 2 == 0 ? "even" : "odd", "", null, null));
        }

        Assert.Equal(["s-5", "s-4", "s-3"], (await log.Read(new SecurityLogQuery(null, null, 10))).Select(e => e.ActorId));
        Assert.Equal(["s-5", "s-3"], (await log.Read(new SecurityLogQuery(["odd"], null, 10))).Select(e => e.ActorId));
        Assert.Equal(["s-3"], (await log.Read(new SecurityLogQuery(null, DateTimeOffset.UnixEpoch.AddMinutes(4), 10))).Select(e => e.ActorId));
        Assert.Equal(["s-5"], (await log.Read(new SecurityLogQuery(null, null, 1))).Select(e => e.ActorId));
    }
}
