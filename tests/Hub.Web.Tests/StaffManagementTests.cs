using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.Web.Tests;

/// <summary>Admins manage staff; any change ends the member's earlier tokens and hub connections.</summary>
[Collection(HubCollection.Name)]
public sealed class StaffManagementTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task Admins_and_the_accounts_supervisors_read_its_roster_and_nobody_else()
    {
        var (account, other) = (await Api.Account(), await Api.Account());
        var agent = await Api.StaffMember(account, "坐席甲", "agent");
        var supervisor = await Api.SignIn((await Api.StaffMember(account, "班长", "supervisor")).Username, HubApi.StaffPassword);
        var otherSupervisor = await Api.SignIn((await Api.StaffMember(other, "别的班长", "supervisor")).Username, HubApi.StaffPassword);
        var agentToken = (await Api.SignIn(agent.Username, HubApi.StaffPassword)).Token;

        foreach (var reader in new[] { (await Api.Admin()).Token, supervisor.Token })
        {
            var roster = await Json(await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/staff", reader));
            var entry = Assert.Single(roster.EnumerateArray(), e => e.Str("userId") == agent.UserId);
            Assert.Equal(agent.Username, entry.Str("username"));
            Assert.Equal(["agent"], entry.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
            Assert.False(entry.GetProperty("disabled").GetBoolean());
        }
        foreach (var stranger in new[] { agentToken, otherSupervisor.Token, (await Api.Citizen()).Token })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/staff", stranger)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Patch, $"/api/staff/{agent.UserId}", supervisor.Token, new { disabled = true })).StatusCode);
    }

    [Fact]
    public async Task A_disabled_member_is_refused_at_once_and_their_connection_closes()
    {
        var account = await Api.Account();
        var agent = await Api.StaffMember(account, "坐席乙", "agent");
        var token = (await Api.SignIn(agent.Username, HubApi.StaffPassword)).Token;
        await using var live = await hub.Connect(token);
        var closed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Connection.Closed += _ => { closed.TrySetResult(); return Task.CompletedTask; };

        var patched = await Api.Send(HttpMethod.Patch, $"/api/staff/{agent.UserId}", (await Api.Admin()).Token, new { disabled = true });

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.True((await Json(patched)).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Send(HttpMethod.Post, "/api/auth/renew", token)).StatusCode);
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HubConnectionState.Disconnected, live.Connection.State);
        await Assert.ThrowsAnyAsync<Exception>(() => hub.Connect(token));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Send(HttpMethod.Post, "/api/auth/staff", null,
            new { username = agent.Username, password = HubApi.StaffPassword })).StatusCode);

        var log = (await Json(await Api.Send(HttpMethod.Get, $"/api/security-log?accountId={account}&limit=500", (await Api.Admin()).Token)))
            .EnumerateArray().Where(e => e.Str("subject") == agent.Username).Select(e => e.Str("kind")).ToList();
        Assert.Contains("staff-created", log);
        Assert.Contains("staff-disabled", log);
        var signIns = (await Json(await Api.Send(HttpMethod.Get, "/api/security-log?limit=500", (await Api.Admin()).Token)))
            .EnumerateArray().Where(e => e.Str("subject") == agent.Username).Select(e => e.Str("kind")).ToList();
        Assert.Contains("sign-in", signIns);
        Assert.Contains("sign-in-failed", signIns);
        Assert.Contains("connection-cut-off", signIns);
    }

    [Fact]
    public async Task Roles_per_account_and_password_resets_take_effect_through_a_new_sign_in()
    {
        var (police, traffic) = (await Api.Account(), await Api.Account());
        var member = await Api.StaffMember(police, "多岗人员", "agent");
        var before = await Api.SignIn(member.Username, HubApi.StaffPassword);
        var admin = (await Api.Admin()).Token;

        Assert.Equal(HttpStatusCode.OK, (await Api.Send(HttpMethod.Put, $"/api/accounts/{traffic}/staff/{member.UserId}", admin,
            new { roles = new[] { "supervisor" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.Send(HttpMethod.Patch, $"/api/staff/{member.UserId}", admin,
            new { password = "a-new-password" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Send(HttpMethod.Post, "/api/auth/renew", before.Token)).StatusCode);
        var after = await Api.SignIn(member.Username, "a-new-password");
        Assert.Equal(new[] { police, traffic }.Order(), after.AccountIds.Order());
        var grants = (await Json(await Api.Send(HttpMethod.Post, "/api/auth/renew", after.Token))).GetProperty("grants").EnumerateArray().ToList();
        Assert.Contains(grants, g => g.Str("accountId") == traffic && g.GetProperty("roles").EnumerateArray().Single().GetString() == "supervisor");
        Assert.Contains(grants, g => g.Str("accountId") == police && g.GetProperty("roles").EnumerateArray().Single().GetString() == "agent");
        var roster = await Json(await Api.Send(HttpMethod.Get, $"/api/accounts/{traffic}/staff", after.Token));
        Assert.Equal(member.UserId, Assert.Single(roster.EnumerateArray()).Str("userId"));
    }

    [Fact]
    public async Task Bad_changes_are_refused_and_change_nothing()
    {
        var account = await Api.Account();
        var member = await Api.StaffMember(account, "坐席丙", "agent");
        var admin = await Api.Admin();
        var token = (await Api.SignIn(member.Username, HubApi.StaffPassword)).Token;

        Assert.Equal(HttpStatusCode.BadRequest, (await Api.Send(HttpMethod.Patch, $"/api/staff/{member.UserId}", admin.Token, new { roles = new[] { "citizen" } })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Api.Send(HttpMethod.Patch, $"/api/staff/{member.UserId}", admin.Token, new { password = "short" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(HttpMethod.Patch, "/api/staff/s-nobody", admin.Token, new { disabled = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.Send(HttpMethod.Patch, $"/api/staff/{admin.UserId}", admin.Token, new { disabled = true })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await Api.Send(HttpMethod.Post, "/api/auth/renew", token)).StatusCode);
    }

    [Fact]
    public async Task A_renewed_token_keeps_a_citizen_signed_in_as_the_same_person()
    {
        var citizen = await Api.Citizen("赵市民");

        var renewed = await Json(await Api.Send(HttpMethod.Post, "/api/auth/renew", citizen.Token));

        Assert.Equal(citizen.UserId, renewed.Str("userId"));
        Assert.Equal("赵市民", renewed.Str("displayName"));
        Assert.NotEqual(citizen.Token, renewed.Str("token"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Send(HttpMethod.Post, "/api/auth/renew")).StatusCode);
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
