using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>Service levels through the hub: the supervisor sets them, staff read them, bad input and other callers are refused.</summary>
[Collection(HubCollection.Name)]
public sealed class ServiceLevelTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    private static object Settings(string[] hours, string timeZone = "Asia/Shanghai") => new
    {
        timeZone,
        hours,
        workingDays = new[] { 1, 2, 3, 4, 5 },
        holidays = new[] { "2026-10-01", "2026-10-02" },
        swappedWorkdays = new[] { "2026-10-10" },
        firstResponseMinutes = 20,
        resolutionMinutes = 840,
    };

    [Fact]
    public async Task A_supervisor_sets_business_hours_and_targets_and_the_accounts_agents_read_them()
    {
        var account = await Api.Account();
        await using var supervisor = await hub.Connect((await Api.SignIn((await Api.StaffMember(account, "值班长", "supervisor")).Username, HubApi.StaffPassword)).Token);
        await using var agent = await hub.Connect((await Api.Agent(account)).Token);
        await using var citizen = await hub.Connect((await Api.Citizen()).Token);

        var defaults = await agent.Invoke<JsonElement>("GetServiceLevels", account);
        Assert.Equal(("Asia/Shanghai", 30, 420), (defaults.Str("timeZone"), defaults.GetProperty("firstResponseMinutes").GetInt32(), defaults.GetProperty("resolutionMinutes").GetInt32()));

        var stored = await supervisor.Invoke<JsonElement>("SetServiceLevels", account, Settings(["13:30-17:30", "09:00-12:00"]));
        Assert.Equal(["09:00-12:00", "13:30-17:30"], stored.GetProperty("hours").EnumerateArray().Select(h => h.GetString()));

        await HubAssert.Refused("bad_request", supervisor.Invoke<JsonElement>("SetServiceLevels", account, Settings(["09:00-12:00", "11:00-18:00"])));
        await HubAssert.Refused("bad_request", supervisor.Invoke<JsonElement>("SetServiceLevels", account, Settings(["09:00-12:00"], "Nowhere/City")));
        await HubAssert.Refused("bad_request", supervisor.Invoke<JsonElement>("SetServiceLevels", account, Settings(["24:00-25:00"])));
        await HubAssert.Refused("forbidden", agent.Invoke<JsonElement>("SetServiceLevels", account, Settings(["08:00-20:00"])));
        await HubAssert.Refused("forbidden", citizen.Invoke<JsonElement>("GetServiceLevels", account));

        var read = await agent.Invoke<JsonElement>("GetServiceLevels", account);
        Assert.Equal(["09:00-12:00", "13:30-17:30"], read.GetProperty("hours").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(["2026-10-10"], read.GetProperty("swappedWorkdays").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(20, read.GetProperty("firstResponseMinutes").GetInt32());
    }
}
