using System.Net;

namespace Hub.Web.Tests.Governance;

/// <summary>A province inspector runs an inspection of its cities, exports it and circulates a notice the city's admin reads.</summary>
[Collection(HubCollection.Name)]
public sealed class InspectionApiTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task An_inspector_runs_exports_and_circulates_and_the_flagged_bodys_admin_reads_the_notice()
    {
        var scene = await InspectedProvince.Create(Api);
        var (province, city, inspector) = (scene.Province, scene.City, scene.Inspector);
        var account = await scene.Account();
        var cityAdmin = await scene.Member(city, "admin");
        await scene.FlagEveryQuietAccount();

        var run = await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/bodies/{province}/inspections", inspector.Token));
        var runId = run.Str("runId");
        var row = Assert.Single(run.GetProperty("accounts").EnumerateArray());
        Assert.Equal(account, row.GetProperty("indicators").Str("accountId"));
        Assert.Equal(["no-update"], row.GetProperty("indicators").GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        var csv = await Api.Send(HttpMethod.Get, $"/api/bodies/{province}/inspections/{runId}/csv", inspector.Token);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("rank,accountId,bodyId,score,flags", lines[0]);
        Assert.StartsWith($"1,{account},{city},70,no-update,", lines[1]);
        Assert.Single((await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/bodies/{province}/inspections", inspector.Token))).EnumerateArray());

        var told = await BodiesClient.Ok(await Api.Send(HttpMethod.Post, $"/api/bodies/{province}/inspections/{runId}/notice", inspector.Token, new { text = "关于账号更新不及时的通报" }));
        Assert.Equal([city], told.GetProperty("bodyIds").EnumerateArray().Select(b => b.GetString()));
        var notices = await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/bodies/{city}/notices", cityAdmin.Token));
        Assert.Equal("关于账号更新不及时的通报", Assert.Single(notices.EnumerateArray()).Str("text"));

        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Post, $"/api/bodies/{province}/inspections", cityAdmin.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Post, $"/api/bodies/{city}/accounts", inspector.Token,
            new { id = BodiesClient.NewId("a"), name = "x", channel = "app", handle = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Api.Send(HttpMethod.Get, $"/api/accounts/{account}/indicators", inspector.Token)).StatusCode);
    }
}
