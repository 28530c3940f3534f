using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>
/// The backup the README prescribes works: a pg_dump of a running hub's database, restored
/// with pg_restore into a fresh database, is served by a new node with every conversation and
/// sign-in it held.
/// </summary>
public sealed class BackupRestoreTests
{
    [Fact]
    public async Task A_dump_restored_into_a_fresh_database_is_served_with_everything_it_held()
    {
        await using var database = await TestDatabase.Create();
        var signingKey = Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray());
        var dump = Path.Combine(Path.GetTempPath(), $"hub-{Guid.NewGuid():N}.dump");
        string account, agentUsername, citizenToken, conversationId;
        await using (var running = new HubAppFactory(Settings(database, signingKey)))
        {
            var api = new HubApi(running.Address);
            account = await api.Account("备份恢复测试");
            agentUsername = (await api.StaffMember(account, "备份坐席", "agent")).Username;
            citizenToken = (await api.Citizen("备份市民")).Token;
            await using var agent = await LiveClient.Connect(api.Address, (await api.SignIn(agentUsername, HubApi.StaffPassword)).Token);
            await agent.Invoke("SetAvailability", account, true);
            await using var citizen = await LiveClient.Connect(api.Address, citizenToken);
            conversationId = (await citizen.Invoke<JsonElement>("StartConversation", account, "备份之前")).Str("conversationId");
            await citizen.Invoke<JsonElement>("SendMessage", conversationId, "c-1", "请保存这条消息");
            await agent.Invoke<JsonElement>("SendMessage", conversationId, "a-1", "已保存");

            // Backed up while the hub runs, as the README says.
            await database.Dump(dump);
        }

        try
        {
            await using var restored = await database.Restored(dump);
            await using var node = new HubAppFactory(Settings(restored, signingKey));
            var api = new HubApi(node.Address);

            Assert.Equal([account], (await api.SignIn(agentUsername, HubApi.StaffPassword)).AccountIds);
            await using var citizen = await LiveClient.Connect(api.Address, citizenToken);
            var history = await citizen.Invoke<JsonElement[]>("GetHistory", conversationId, 0L);
            Assert.Equal(["请保存这条消息", "已保存"], history.Select(m => m.Str("text")));
            Assert.Equal(3, (await citizen.Invoke<JsonElement>("SendMessage", conversationId, "c-2", "恢复之后")).Long("seq"));
        }
        finally
        {
            File.Delete(dump);
        }
    }

    /// <summary>A cluster of its own for each node, so the restored node does not wait for the first one's stale membership row.</summary>
    private static Dictionary<string, string> Settings(TestDatabase database, string signingKey) => new()
    {
        ["ConnectionStrings:Postgres"] = database.ConnectionString,
        ["Hub:ClusterId"] = $"backup-{Guid.NewGuid():N}",
        ["Hub:Auth:SigningKey"] = signingKey,
    };
}
