using Hub.Grains.Common;
using Hub.Grains.Governance.Bodies;

namespace Hub.Grains.Tests.Governance;

[Collection(ClusterCollection.Name)]
public sealed class BodyTreeTests(ClusterFixture fixture)
{
    private static readonly Caller Admin = Matrix.GlobalAdmin;

    [Fact]
    public async Task Bodies_form_a_tree_and_accounts_name_their_body_channel_and_handle()
    {
        var matrix = await new Matrix(fixture).Build();
        var cityAccount = await matrix.Account(matrix.City, AccountChannel.Weibo);
        var countyAccount = await matrix.Account(matrix.County, AccountChannel.Douyin);
        var otherAccount = await matrix.Account(matrix.OtherCity);

        var bodies = await matrix.Tree.GetBodies();
        Assert.Equal(matrix.Province, bodies.Single(b => b.Id == matrix.City).ParentId);
        Assert.Equal(BodyLevel.County, bodies.Single(b => b.Id == matrix.County).Level);
        Assert.Equal(new[] { cityAccount, countyAccount }.Order(), (await matrix.Tree.GetAccounts(matrix.City)).Select(a => a.AccountId).Order());
        Assert.Equal(3, (await matrix.Tree.GetAccounts(matrix.Province)).Count);
        var placed = await matrix.Tree.GetPlacement(countyAccount);
        Assert.Equal((matrix.County, AccountChannel.Douyin), (placed.BodyId, placed.Channel));
        Assert.DoesNotContain(otherAccount, (await matrix.Tree.GetAccounts(matrix.City)).Select(a => a.AccountId));
    }

    [Fact]
    public async Task Unknown_bodies_bad_levels_and_cycles_are_refused_and_nothing_changes()
    {
        var matrix = await new Matrix(fixture).Build();
        var before = await matrix.Tree.GetBodies();
        var unplaced = await new Scenario(fixture).Account();

        await Rules.Refused(HubErrorCode.NotFound, () => matrix.Tree.AddBody(Admin, new NewBody($"b-{Guid.NewGuid():N}"[..20], "某局", BodyLevel.Bureau, "no-such-body")));
        await Rules.Refused(HubErrorCode.BadRequest, () => matrix.Tree.AddBody(Admin, new NewBody($"b-{Guid.NewGuid():N}"[..20], "某市", BodyLevel.City, matrix.County)));
        await Rules.Refused(HubErrorCode.BadRequest, () => matrix.Tree.AddBody(Admin, new NewBody("Not An Id", "某局", BodyLevel.Bureau, matrix.County)));
        await Rules.Refused(HubErrorCode.Conflict, () => matrix.Tree.MoveBody(Admin, matrix.Province, matrix.County));
        await Rules.Refused(HubErrorCode.Conflict, () => matrix.Tree.MoveBody(Admin, matrix.City, matrix.City));
        await Rules.Refused(HubErrorCode.NotFound, () => matrix.Tree.PlaceAccount(Admin, new AccountPlacement("no-such-account", matrix.City, AccountChannel.App, "app")));
        await Rules.Refused(HubErrorCode.NotFound, () => matrix.Tree.PlaceAccount(Admin, new AccountPlacement(unplaced, "no-such-body", AccountChannel.App, "app")));
        await Rules.Refused(HubErrorCode.BadRequest, () => matrix.Tree.PlaceAccount(Admin, new AccountPlacement(unplaced, matrix.City, "fax", "x")));

        Assert.Equal(before, await matrix.Tree.GetBodies());
        Assert.Empty(await matrix.Tree.GetAccounts(matrix.Province));
        await Rules.Refused(HubErrorCode.NotFound, () => matrix.Tree.GetPlacement(unplaced));
    }

    [Fact]
    public async Task A_body_can_move_under_another_parent_of_a_higher_level()
    {
        var matrix = await new Matrix(fixture).Build();
        var account = await matrix.Account(matrix.County);

        var moved = await matrix.Tree.MoveBody(Admin, matrix.County, matrix.OtherCity);

        Assert.Equal(matrix.OtherCity, moved.ParentId);
        Assert.Contains(account, (await matrix.Tree.GetAccounts(matrix.OtherCity)).Select(a => a.AccountId));
        Assert.DoesNotContain(account, (await matrix.Tree.GetAccounts(matrix.City)).Select(a => a.AccountId));
    }

    [Fact]
    public async Task A_body_admin_manages_its_subtree_only()
    {
        var matrix = await new Matrix(fixture).Build();
        var cityAdmin = await matrix.Member(matrix.City, Roles.Admin);
        var inCounty = await matrix.Account(matrix.County);
        var inOtherCity = await matrix.Account(matrix.OtherCity);
        var staff = await matrix.Member(matrix.County);
        var outsider = await matrix.Member(matrix.OtherCity);

        var bureau = await matrix.Tree.AddBody(cityAdmin, new NewBody($"b-{Guid.NewGuid():N}"[..20], "甲市交通局", BodyLevel.Bureau, matrix.County));
        await matrix.Tree.PlaceAccount(cityAdmin, new AccountPlacement(inCounty, bureau.Id, AccountChannel.Website, "jt.example.gov.cn"));
        await matrix.Tree.SetMember(cityAdmin, staff.UserId, bureau.Id, [Roles.Inspector]);
        await matrix.Tree.RequireAdminOfAccount(cityAdmin, inCounty);
        await matrix.Tree.RequireAdminOfMember(cityAdmin, staff.UserId);

        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.AddBody(cityAdmin, new NewBody($"b-{Guid.NewGuid():N}"[..20], "乙市某局", BodyLevel.Bureau, matrix.OtherCity)));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.AddBody(cityAdmin, new NewBody($"b-{Guid.NewGuid():N}"[..20], "另一省", BodyLevel.Province, null)));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.PlaceAccount(cityAdmin, new AccountPlacement(inOtherCity, matrix.City, AccountChannel.App, "app")));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.PlaceAccount(cityAdmin, new AccountPlacement(inCounty, matrix.OtherCity, AccountChannel.App, "app")));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.SetMember(cityAdmin, outsider.UserId, matrix.City, []));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.MoveBody(cityAdmin, matrix.County, matrix.OtherCity));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.RequireAdminOfAccount(cityAdmin, inOtherCity));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.RequireAdminOfMember(cityAdmin, outsider.UserId));

        Assert.Equal(matrix.OtherCity, (await matrix.Tree.GetPlacement(inOtherCity)).BodyId);
        Assert.Equal(matrix.OtherCity, (await matrix.Tree.GetMembership(outsider.UserId))!.BodyId);
    }

    [Fact]
    public async Task An_inspector_reads_its_subtree_and_changes_nothing()
    {
        var matrix = await new Matrix(fixture).Build();
        var inspector = await matrix.Member(matrix.City, Roles.Inspector);
        var inCounty = await matrix.Account(matrix.County);
        var inOtherCity = await matrix.Account(matrix.OtherCity);

        Assert.NotEmpty(await matrix.Tree.GetMembers(inspector, matrix.City));
        Assert.True(await matrix.Tree.ReadsAccount(inspector, inCounty));
        Assert.False(await matrix.Tree.ReadsAccount(inspector, inOtherCity));
        await matrix.Tree.RequireReader(inspector, matrix.County);

        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.RequireReader(inspector, matrix.Province));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.GetMembers(inspector, matrix.OtherCity));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.RequireAdmin(inspector, matrix.County));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.AddBody(inspector, new NewBody($"b-{Guid.NewGuid():N}"[..20], "某局", BodyLevel.Bureau, matrix.County)));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.PlaceAccount(inspector, new AccountPlacement(inCounty, matrix.City, AccountChannel.App, "app")));
        await Rules.Refused(HubErrorCode.Forbidden, () => matrix.Tree.SetMember(inspector, inspector.UserId, matrix.City, [Roles.Admin]));
        Assert.Equal([Roles.Inspector], (await matrix.Tree.GetMembership(inspector.UserId))!.Roles);
    }
}
