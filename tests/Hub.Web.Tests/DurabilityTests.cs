using System.Net.Http.Json;
using System.Text.Json;
using Hub.Grains.Hosting.Postgres;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Web.Tests;

/// <summary>
/// With PostgreSQL configured, everything the hub acknowledged survives a full stop: accounts,
/// logins, conversations, public events, questions and the incident clocks' reminders.
/// </summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task Everything_acknowledged_is_there_after_the_node_stops_and_starts_again()
    {
        await using var database = await TestDatabase.Create();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Postgres"] = database.ConnectionString,
            ["Hub:ClusterId"] = $"durable-{Guid.NewGuid():N}",
            ["Hub:Auth:SigningKey"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()),
        };

        string account, agentUsername, citizenToken, conversationId, eventId, questionId;
        await using (var before = new HubAppFactory(settings))
        {
            var api = new HubApi(before.Address);
            account = await api.Account("持久化测试账号");
            agentUsername = (await api.StaffMember(account, "持久坐席", "agent")).Username;
            var agentToken = (await api.SignIn(agentUsername, HubApi.StaffPassword)).Token;
            citizenToken = (await api.Citizen("持久市民")).Token;
            await using var agent = await LiveClient.Connect(api.Address, agentToken);
            await agent.Invoke("SetAvailability", account, true);
            await using var citizen = await LiveClient.Connect(api.Address, citizenToken);
            conversationId = (await citizen.Invoke<JsonElement>("StartConversation", account, "重启之前")).Str("conversationId");
            await citizen.Invoke<JsonElement>("SendMessage", conversationId, "c-1", "第一条消息");
            await agent.Invoke<JsonElement>("SendMessage", conversationId, "a-1", "坐席回复");

            var press = await api.Press(account);
            eventId = await api.OpenEvent(press.Token, account, severity: 3, title: "重启前的事件");
            await using var officer = await LiveClient.Connect(api.Address, press.Token);
            var statement = (await officer.Invoke<JsonElement>("DraftStatement", eventId, "已发布的通报")).Str("statementId");
            await officer.Invoke<JsonElement>("PublishStatement", eventId, statement);
            questionId = (await citizen.Invoke<JsonElement>("AskQuestion", eventId, "cq-1", "重启后还在吗？")).Str("questionId");
            await officer.Invoke<JsonElement>("ModerateQuestion", eventId, questionId, "approve");
            Assert.Equal(1, (await citizen.Invoke<JsonElement>("UpvoteQuestion", eventId, questionId)).GetProperty("votes").GetInt32());
        }

        await using var after = new HubAppFactory(settings);
        var again = new HubApi(after.Address);
        var accounts = await (await again.Send(HttpMethod.Get, "/api/accounts")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(accounts.EnumerateArray(), a => a.Str("id") == account);
        Assert.Equal([account], (await again.SignIn(agentUsername, HubApi.StaffPassword)).AccountIds);
        await using var back = await LiveClient.Connect(again.Address, citizenToken);
        var history = await back.Invoke<JsonElement[]>("GetHistory", conversationId, 0L);
        Assert.Equal(["第一条消息", "坐席回复"], history.Select(m => m.Str("text")));
        Assert.Equal(3, (await back.Invoke<JsonElement>("SendMessage", conversationId, "c-2", "重启之后")).Long("seq"));
        var snapshot = await back.Invoke<JsonElement>("FollowEvent", eventId);
        Assert.Equal("已发布的通报", snapshot.GetProperty("updates").EnumerateArray().Single().Str("text"));
        var question = snapshot.GetProperty("questions").EnumerateArray().Single();
        Assert.Equal((questionId, 1), (question.Str("questionId"), question.GetProperty("votes").GetInt32()));
        await HubAssert.Refused("conflict", back.Invoke<JsonElement>("UpvoteQuestion", eventId, questionId));
        Assert.Equal(1, await database.Count("SELECT count(*) FROM hub_reminders WHERE reminder_name = 'legal-clocks'"));
    }

    [Fact]
    public async Task Processes_migrating_one_database_at_once_apply_each_migration_once()
    {
        await using var database = await TestDatabase.Create();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            new SchemaMigrator(database.ConnectionString, NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None)));
        await new SchemaMigrator(database.ConnectionString, NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);

        Assert.Equal(SchemaMigrator.Migrations().Count(), await database.Count("SELECT count(*) FROM hub_schema_migrations"));
        Assert.True(await database.Count("SELECT count(*) FROM orleansquery") >= 19);
    }
}
