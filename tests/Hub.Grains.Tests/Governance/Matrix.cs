using Hub.Grains.Common;
using Hub.Grains.Governance.Bodies;
using Hub.Grains.Staff;

namespace Hub.Grains.Tests.Governance;

/// <summary>A province with two cities and a county under the first, fresh ids each time, and its staff.</summary>
public sealed class Matrix(ClusterFixture fixture)
{
    public static readonly Caller GlobalAdmin = new($"s-{Guid.NewGuid():N}", "总管理员", [Roles.Admin], []);

    private readonly string _suffix = Guid.NewGuid().ToString("N")[..8];

    public IBodyTreeGrain Tree => fixture.Grains.GetGrain<IBodyTreeGrain>(0);

    public string Province => $"p-{_suffix}";
    public string City => $"c1-{_suffix}";
    public string OtherCity => $"c2-{_suffix}";
    public string County => $"x-{_suffix}";

    public async Task<Matrix> Build()
    {
        await Tree.AddBody(GlobalAdmin, new NewBody(Province, "某省人民政府", BodyLevel.Province, null));
        await Tree.AddBody(GlobalAdmin, new NewBody(City, "甲市人民政府", BodyLevel.City, Province));
        await Tree.AddBody(GlobalAdmin, new NewBody(OtherCity, "乙市人民政府", BodyLevel.City, Province));
        await Tree.AddBody(GlobalAdmin, new NewBody(County, "丙县人民政府", BodyLevel.County, City));
        return this;
    }

    /// <summary>A staff member in the directory who belongs to the body with those roles over it.</summary>
    public async Task<Caller> Member(string bodyId, params string[] roles)
    {
        var caller = new Caller($"s-{Guid.NewGuid():N}", $"{bodyId} {string.Join("/", roles)}", [], []);
        await fixture.Grains.GetGrain<IStaffDirectoryGrain>(0).Add(caller.UserId, $"u{caller.UserId[2..14]}");
        await Tree.SetMember(GlobalAdmin, caller.UserId, bodyId, roles);
        return caller;
    }

    /// <summary>An account placed under the body.</summary>
    public async Task<string> Account(string bodyId, string channel = AccountChannel.WeChat)
    {
        var accountId = await new Scenario(fixture).Account();
        await Tree.PlaceAccount(GlobalAdmin, new AccountPlacement(accountId, bodyId, channel, $"gh_{accountId[2..10]}"));
        return accountId;
    }
}
