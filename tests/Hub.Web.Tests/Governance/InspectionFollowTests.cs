using System.Net;

namespace Hub.Web.Tests.Governance;

/// <summary>
/// What the inspector page rests on: following a body's runs live, opening an account of a run,
/// and asking for a run at a later time, all through the real node.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class InspectionFollowTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task A_following_inspector_hears_of_each_run_and_opens_an_account_of_it()
    {
        var scene = await InspectedProvince.Create(Api);
        var (province, inspector) = (scene.Province, scene.Inspector);
        var account = await scene.Account();
        var cityInspector = await scene.Member(scene.City, "inspector");
        await using var live = await LiveClient.Connect(Api.Address, inspector.Token);
        await using var below = await LiveClient.Connect(Api.Address, cityInspector.Token);
        Assert.Empty((await live.Invoke<System.Text.Json.JsonElement>("FollowInspection", province)).EnumerateArray());
        Assert.Contains("forbidden:", (await Assert.ThrowsAnyAsync<Exception>(() => below.Invoke("FollowInspection", province))).Message);

        var run = await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/bodies/{province}/inspections", inspector.Token));

        var told = await live.Next("inspectionCompleted", e => e.Str("bodyId") == province);
        Assert.Equal((run.Str("runId"), 1), (told.GetProperty("run").Str("runId"), told.GetProperty("run").GetProperty("accounts").GetInt32()));
        var drill = await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/bodies/{province}/inspections/{run.Str("runId")}/accounts/{account}", inspector.Token));
        Assert.Equal(account, drill.GetProperty("account").GetProperty("indicators").Str("accountId"));
        Assert.Single(drill.GetProperty("trend").EnumerateArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Get, $"/api/bodies/{province}/inspections/{run.Str("runId")}/accounts/{account}", cityInspector.Token)).StatusCode);
    }

    [Fact]
    public async Task A_following_inspector_of_the_province_hears_live_when_a_citizen_writes_to_an_account_of_a_city()
    {
        var scene = await InspectedProvince.Create(Api);
        var (province, city, inspector) = (scene.Province, scene.City, scene.Inspector);
        var account = await scene.Account();
        await using var live = await LiveClient.Connect(Api.Address, inspector.Token);
        await live.Invoke<System.Text.Json.JsonElement>("FollowInspection", province);
        await using var citizen = await LiveClient.Connect(Api.Address, (await Api.Citizen()).Token);
        var conversationId = (await citizen.Invoke<System.Text.Json.JsonElement>("StartConversation", account, "低保申请")).Str("conversationId");

        await citizen.Invoke<System.Text.Json.JsonElement>("SendMessage", conversationId, $"m-{Guid.NewGuid():N}", "我的申请到哪一步了？");

        var told = await live.Next("accountIndicatorsChanged", e => e.Str("accountId") == account);
        Assert.Equal(city, told.Str("bodyId"));
        Assert.Equal(1, told.GetProperty("indicators").GetProperty("unansweredMessages").GetInt32());
        Assert.Empty(told.GetProperty("indicators").GetProperty("flags").EnumerateArray());
    }

    [Fact]
    public async Task A_run_is_scheduled_for_later_listed_and_cancelled_and_one_in_the_past_is_refused()
    {
        var scene = await InspectedProvince.Create(Api);
        var inspector = scene.Inspector;
        var schedule = $"/api/bodies/{scene.Province}/inspection-schedule";

        await Problems.Expect(await Api.Send(HttpMethod.Post, schedule, inspector.Token, new { at = DateTimeOffset.UtcNow.AddHours(-1) }), HttpStatusCode.BadRequest, "bad_request");
        Assert.Empty((await BodiesClient.Ok(await Api.Send(HttpMethod.Get, schedule, inspector.Token))).EnumerateArray());
        var at = DateTimeOffset.UtcNow.AddDays(7);
        var created = await Api.Send(HttpMethod.Post, schedule, inspector.Token, new { at });
        var scheduled = await BodiesClient.Ok(created);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var listed = Assert.Single((await BodiesClient.Ok(await Api.Send(HttpMethod.Get, schedule, inspector.Token))).EnumerateArray());
        Assert.Equal((scheduled.Str("scheduleId"), inspector.UserId, at), (listed.Str("scheduleId"), listed.Str("requestedById"), listed.GetProperty("at").GetDateTimeOffset()));
        Assert.Equal(HttpStatusCode.NoContent, (await Api.Send(HttpMethod.Delete, $"{schedule}/{scheduled.Str("scheduleId")}", inspector.Token)).StatusCode);
        Assert.Empty((await BodiesClient.Ok(await Api.Send(HttpMethod.Get, schedule, inspector.Token))).EnumerateArray());
    }
}
