using System.Net;
using System.Text.Json;

namespace Hub.Web.Tests.Governance;

/// <summary>The matrix over REST: a city admin manages its subtree only, and a refusal creates nothing.</summary>
[Collection(HubCollection.Name)]
public sealed class BodiesApiTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task A_city_admin_creates_accounts_and_staff_in_its_subtree_and_is_refused_elsewhere()
    {
        var bodies = new BodiesClient(Api);
        var admin = (await Api.Admin()).Token;
        var province = await bodies.Body(admin, "province", null);
        var city = await bodies.Body(admin, "city", province);
        var otherCity = await bodies.Body(admin, "city", province);
        var cityAdmin = await bodies.Member(admin, city, "admin");

        var county = await bodies.Body(cityAdmin.Token, "county", city, "某县人民政府");
        var account = await bodies.Account(cityAdmin.Token, county, "weibo");
        var officer = await bodies.Member(cityAdmin.Token, county);
        await BodiesClient.Ok(await Api.Send(HttpMethod.Put, $"/api/accounts/{account}/roles/{officer.UserId}", cityAdmin.Token, new { roles = new[] { "press" } }));

        var listed = await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/bodies/{province}/accounts"));
        var entry = Assert.Single(listed.EnumerateArray());
        Assert.Equal((account, county, "weibo"), (entry.Str("id"), entry.Str("bodyId"), entry.Str("channel")));
        Assert.Equal("某县人民政府", (await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/accounts/{account}"))).Str("department"));
        var members = await BodiesClient.Ok(await Api.Send(HttpMethod.Get, $"/api/bodies/{county}/members", cityAdmin.Token));
        var member = Assert.Single(members.EnumerateArray());
        Assert.Equal((officer.UserId, officer.Username, "某单位管理员"), (member.Str("userId"), member.Str("username"), member.Str("displayName")));
        var grant = Assert.Single(member.GetProperty("grants").EnumerateArray());
        Assert.Equal((account, "press"), (grant.Str("accountId"), Assert.Single(grant.GetProperty("roles").EnumerateArray()).GetString()));
        Assert.Equal(HttpStatusCode.Unauthorized, (await Api.Send(HttpMethod.Get, "/api/bodies/mine", officer.Token)).StatusCode);
        Assert.Equal([account], (await Api.SignIn(officer.Username, HubApi.StaffPassword)).AccountIds);

        var elsewhere = BodiesClient.NewId("a");
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Post, $"/api/bodies/{otherCity}/accounts", cityAdmin.Token,
            new { id = elsewhere, name = "别处的号", channel = "app", handle = "app" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(HttpMethod.Get, $"/api/accounts/{elsewhere}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Api.Send(HttpMethod.Put, $"/api/bodies/{county}/parent", cityAdmin.Token, new { parentId = otherCity })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Api.Send(HttpMethod.Put, $"/api/bodies/{city}/parent", admin, new { parentId = county })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Api.Send(HttpMethod.Post, "/api/bodies", admin,
            new { id = BodiesClient.NewId("b"), name = "某局", level = "bureau", parentId = "no-such-body" })).StatusCode);
        var tree = await BodiesClient.Ok(await Api.Send(HttpMethod.Get, "/api/bodies"));
        Assert.Equal(city, tree.EnumerateArray().Single(b => b.Str("id") == county).Str("parentId"));
        Assert.Equal(province, tree.EnumerateArray().Single(b => b.Str("id") == city).Str("parentId"));
    }

    [Fact]
    public async Task Staff_see_their_own_body()
    {
        var bodies = new BodiesClient(Api);
        var admin = (await Api.Admin()).Token;
        var province = await bodies.Body(admin, "province", null);
        var inspector = await bodies.Member(admin, province, "inspector");

        var mine = await BodiesClient.Ok(await Api.Send(HttpMethod.Get, "/api/bodies/mine", inspector.Token));

        Assert.Equal(province, mine.GetProperty("membership").Str("bodyId"));
        Assert.Equal(["inspector"], mine.GetProperty("membership").GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, (await BodiesClient.Ok(await Api.Send(HttpMethod.Get, "/api/bodies/mine", admin))).GetProperty("membership").ValueKind);
    }
}
