using Hub.Grains.Accounts;
using Hub.Grains.Common;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class CannedResponseTests(ClusterFixture fixture)
{
    private readonly Scenario _given = new(fixture);

    private ICannedResponsesGrain Responses(string accountId) => fixture.Grains.GetGrain<ICannedResponsesGrain>(accountId);

    [Fact]
    public async Task Supervisors_keep_an_accounts_canned_responses_and_its_agents_read_them()
    {
        var account = await _given.Account();
        var supervisor = Scenario.Staff(account, Roles.Supervisor);
        var agent = Scenario.Staff(account, Roles.Agent);

        var greeting = await Responses(account).Add(supervisor, " 问候 ", "{citizen}您好，请问有什么可以帮您？");
        var closing = await Responses(account).Add(supervisor, "结束语", "感谢来电，您的编号是{reference}。");
        var edited = await Responses(account).Edit(supervisor, greeting.ResponseId, "开场问候", "{citizen}，您好！");
        await Responses(account).Delete(supervisor, closing.ResponseId);

        Assert.Equal(("问候", supervisor.UserId), (greeting.Title, greeting.UpdatedBy));
        Assert.NotEqual(greeting.ResponseId, closing.ResponseId);
        var left = Assert.Single(await Responses(account).GetAll(agent));
        Assert.Equal((greeting.ResponseId, "开场问候", "{citizen}，您好！"), (left.ResponseId, left.Title, left.Text));
        Assert.Equal(edited, left);
        var admin = new Caller("s-admin", "管理员", [Roles.Admin], []);
        var byAdmin = await Responses(account).Add(admin, "转办说明", "您的诉求已转交相关部门。");
        Assert.Equal(2, (await Responses(account).GetAll(supervisor)).Count);
        Assert.NotEqual(closing.ResponseId, byAdmin.ResponseId);
    }

    [Fact]
    public async Task Only_the_accounts_supervisors_and_admins_change_them_and_a_refusal_stores_nothing()
    {
        var account = await _given.Account();
        var supervisor = Scenario.Staff(account, Roles.Supervisor);
        var kept = await Responses(account).Add(supervisor, "问候", "您好");
        var agent = Scenario.Staff(account, Roles.Agent);
        var elsewhere = Scenario.Staff(await _given.Account(), Roles.Supervisor, Roles.Agent);

        await Rules.Refused(HubErrorCode.Forbidden, () => Responses(account).Add(agent, "坐席自建", "不行"));
        await Rules.Refused(HubErrorCode.Forbidden, () => Responses(account).Edit(agent, kept.ResponseId, "改", "不行"));
        await Rules.Refused(HubErrorCode.Forbidden, () => Responses(account).Delete(agent, kept.ResponseId));
        await Rules.Refused(HubErrorCode.Forbidden, () => Responses(account).Add(elsewhere, "外单位", "不行"));
        await Rules.Refused(HubErrorCode.Forbidden, () => Responses(account).GetAll(elsewhere));
        await Rules.Refused(HubErrorCode.Forbidden, () => Responses(account).GetAll(Scenario.Citizen()));
        await Rules.Refused(HubErrorCode.Forbidden, () => Responses(account).GetAll(Scenario.Staff(account, Roles.Press)));
        await Rules.Refused(HubErrorCode.NotFound, () => Responses(account).Edit(supervisor, "r404", "改", "无此条"));
        await Rules.Refused(HubErrorCode.NotFound, () => Responses(account).Delete(supervisor, "r404"));
        await Rules.Refused(HubErrorCode.BadRequest, () => Responses(account).Add(supervisor, "  ", "没有标题"));
        await Rules.Refused(HubErrorCode.BadRequest, () => Responses(account).Add(supervisor, "两行\n标题", "不行"));
        await Rules.Refused(HubErrorCode.BadRequest, () => Responses(account).Add(supervisor, new string('长', CannedResponse.MaxTitleLength + 1), "标题太长"));
        await Rules.Refused(HubErrorCode.BadRequest, () => Responses(account).Add(supervisor, "空白", " "));
        await Rules.Refused(HubErrorCode.TooLarge, () => Responses(account).Add(supervisor, "太长", new string('字', CannedResponse.MaxTextLength + 1)));
        await Rules.Refused(HubErrorCode.Conflict, () => Responses(account).Add(supervisor, "问候", "同名"));
        await Rules.Refused(HubErrorCode.NotFound, () => Responses($"t-{Guid.NewGuid():N}").Add(supervisor, "无此账号", "不行"));

        Assert.Equal([kept], await Responses(account).GetAll(supervisor));
    }

    [Fact]
    public async Task An_account_keeps_at_most_the_maximum_number_of_responses()
    {
        var account = await _given.Account();
        var supervisor = Scenario.Staff(account, Roles.Supervisor);
        for (var i = 0; i < CannedResponse.MaxCount; i++)
        {
            await Responses(account).Add(supervisor, $"第{i}条", "内容");
        }

        await Rules.Refused(HubErrorCode.Conflict, () => Responses(account).Add(supervisor, "再多一条", "内容"));

        Assert.Equal(CannedResponse.MaxCount, (await Responses(account).GetAll(supervisor)).Count);
    }
}
