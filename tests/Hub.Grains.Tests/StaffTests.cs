using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Staff;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class StaffTests(ClusterFixture fixture) : IAsyncLifetime
{
    private string _police = "";

    public async Task InitializeAsync() => _police = await new Scenario(fixture).Account();

    public Task DisposeAsync() => Task.CompletedTask;

    private IStaffGrain NewStaff() => fixture.Grains.GetGrain<IStaffGrain>($"u{Guid.NewGuid():N}");

    private StaffRegistration Registration(params string[] roles) =>
        new("correct horse", "王警官", roles.Length == 0 ? [Roles.Agent] : roles, [_police]);

    private const string Here = "203.0.113.7";
    private const string Elsewhere = "198.51.100.9";

    [Fact]
    public async Task Signs_in_with_the_right_password_only()
    {
        var staff = NewStaff();
        var registered = await staff.Register(Registration(Roles.Agent, Roles.Press));

        var signedIn = await staff.SignIn("correct horse", Here);

        Assert.Equal(registered.UserId, signedIn.UserId);
        Assert.Equal(["agent", "press"], signedIn.Roles);
        Assert.Equal([_police], signedIn.AccountIds);
        Assert.Equal(_police, Assert.Single(signedIn.Grants).AccountId);
        Assert.Equal(["agent", "press"], signedIn.Grants[0].Roles);
        await Rules.Refused(HubErrorCode.Unauthorized, () => staff.SignIn("wrong horse", Here));
        await Rules.Refused(HubErrorCode.Unauthorized, () => NewStaff().SignIn("correct horse", Here));
    }

    [Fact]
    public async Task Failures_from_one_address_make_that_address_wait_longer_each_time_and_no_one_else()
    {
        var staff = NewStaff();
        await staff.Register(Registration());
        for (var i = 0; i < SignInBackoff.FreeFailuresPerAddress; i++)
        {
            await Rules.Refused(HubErrorCode.Unauthorized, () => staff.SignIn("guess", Here));
        }

        var waited = await Assert.ThrowsAsync<RuleViolation>(() => staff.SignIn("correct horse", Here));
        Assert.Equal(HubErrorCode.RateLimited, waited.Code);
        Assert.Equal(TimeSpan.FromSeconds(1), waited.RetryAfter);
        Assert.NotNull(await staff.SignIn("correct horse", Elsewhere));

        ClusterFixture.Time.Advance(TimeSpan.FromSeconds(1));
        await Rules.Refused(HubErrorCode.Unauthorized, () => staff.SignIn("guess", Here));
        var longer = await Assert.ThrowsAsync<RuleViolation>(() => staff.SignIn("correct horse", Here));
        Assert.Equal(TimeSpan.FromSeconds(2), longer.RetryAfter);

        ClusterFixture.Time.Advance(TimeSpan.FromSeconds(2));
        Assert.NotNull(await staff.SignIn("correct horse", Here));
        await Rules.Refused(HubErrorCode.Unauthorized, () => staff.SignIn("guess", Here));
    }

    [Fact]
    public async Task Unknown_usernames_get_the_same_answers_as_known_ones()
    {
        var known = NewStaff();
        await known.Register(Registration());
        var unknown = NewStaff();

        foreach (var staff in new[] { known, unknown })
        {
            var answers = new List<HubErrorCode>();
            for (var i = 0; i <= SignInBackoff.FreeFailuresPerAddress; i++)
            {
                answers.Add((await Assert.ThrowsAsync<RuleViolation>(() => staff.SignIn("guess", Here))).Code);
            }
            Assert.Equal([.. Enumerable.Repeat(HubErrorCode.Unauthorized, SignInBackoff.FreeFailuresPerAddress), HubErrorCode.RateLimited], answers);
        }
    }

    [Fact]
    public async Task A_disabled_member_cannot_sign_in_and_their_stamp_is_gone_until_enabled()
    {
        var staff = NewStaff();
        var registered = await staff.Register(Registration());
        Assert.Equal(registered.Stamp, await staff.GetStamp());

        var disabled = await staff.Change(new StaffChange(Disabled: true));

        Assert.Null(await staff.GetStamp());
        Assert.True((await staff.Describe()).Disabled);
        await Rules.Refused(HubErrorCode.Unauthorized, () => staff.SignIn("correct horse", Here));
        await Rules.Refused(HubErrorCode.Unauthorized, () => staff.Current());
        var enabled = await staff.Change(new StaffChange(Disabled: false));
        Assert.NotEqual(registered.Stamp, enabled.Stamp);
        Assert.NotEqual(disabled.Stamp, enabled.Stamp);
        Assert.Equal(enabled.Stamp, (await staff.SignIn("correct horse", Here)).Stamp);
    }

    [Fact]
    public async Task Roles_are_held_per_account_and_every_change_renews_the_stamp()
    {
        var given = new Scenario(fixture);
        var (police, traffic) = (await given.Account(), await given.Account());
        var staff = NewStaff();
        var registered = await staff.Register(Registration(Roles.Agent) with { AccountIds = [police] });

        var both = await staff.Change(new StaffChange(Roles: [Roles.Supervisor], AccountId: traffic));
        var reset = await staff.Change(new StaffChange(Password: "battery staple"));

        Assert.Equal([Roles.Agent], both.RolesIn(police));
        Assert.Equal([Roles.Supervisor], both.RolesIn(traffic));
        Assert.Equal(new[] { police, traffic }.Order(), both.AccountIds.Order());
        Assert.Equal(3, new[] { registered.Stamp, both.Stamp, reset.Stamp }.Distinct().Count());
        await Rules.Refused(HubErrorCode.Unauthorized, () => staff.SignIn("correct horse", Here));
        Assert.Equal(reset.Stamp, (await staff.SignIn("battery staple", Here)).Stamp);
        var roster = await fixture.Grains.GetGrain<IAccountGrain>(traffic).GetStaff();
        Assert.Equal([Roles.Supervisor], Assert.Single(roster).Roles);

        var left = await staff.Change(new StaffChange(Roles: [], AccountId: traffic));

        Assert.Equal([police], left.AccountIds);
        Assert.Empty(await fixture.Grains.GetGrain<IAccountGrain>(traffic).GetStaff());
        await Rules.Refused(HubErrorCode.BadRequest, () => staff.Change(new StaffChange(Roles: [Roles.Admin], AccountId: police)));
        await Rules.Refused(HubErrorCode.NotFound, () => NewStaff().Change(new StaffChange(Disabled: true)));
    }

    [Fact]
    public async Task A_disabled_agent_takes_no_new_conversations()
    {
        var given = new Scenario(fixture);
        var account = await given.Account();
        var staff = NewStaff();
        var agent = await staff.Register(Registration(Roles.Agent) with { AccountIds = [account] });
        await fixture.Grains.GetGrain<IAccountGrain>(account).RenewPresence(Scenario.Node, [agent.UserId]);
        await fixture.Grains.GetGrain<IAccountGrain>(account).SetAvailability(agent.UserId, true);

        await staff.Change(new StaffChange(Disabled: true));
        var (_, view) = await given.Start(account, Scenario.Citizen());

        Assert.Equal("queued", view.Status);
        await Rules.Refused(HubErrorCode.Forbidden, () => fixture.Grains.GetGrain<IAccountGrain>(account).SetAvailability(agent.UserId, true));
    }

    [Fact]
    public async Task Registration_refuses_taken_usernames_bad_roles_and_weak_passwords()
    {
        var staff = NewStaff();
        await staff.Register(Registration());

        await Rules.Refused(HubErrorCode.Conflict, () => staff.Register(Registration()));
        await Rules.Refused(HubErrorCode.BadRequest, () => NewStaff().Register(Registration(Roles.Citizen)));
        await Rules.Refused(HubErrorCode.BadRequest, () => NewStaff().Register(Registration() with { Roles = [] }));
        await Rules.Refused(HubErrorCode.BadRequest, () => NewStaff().Register(Registration() with { Password = "short" }));
        await Rules.Refused(HubErrorCode.BadRequest, () => NewStaff().Register(Registration() with { DisplayName = "" }));
    }

    [Fact]
    public async Task The_configured_admin_is_created_and_its_password_follows_configuration()
    {
        var admin = NewStaff();

        var identity = await admin.EnsureAdmin("first-password");
        await admin.EnsureAdmin("second-password");

        Assert.Contains(Roles.Admin, identity.Roles);
        await Rules.Refused(HubErrorCode.Unauthorized, () => admin.SignIn("first-password", Here));
        Assert.Equal(identity.UserId, (await admin.SignIn("second-password", Here)).UserId);
    }

    [Theory]
    [InlineData("Officer.Wang", "officer.wang")]
    [InlineData(" li@gov ", "li@gov")]
    public void Usernames_are_case_insensitive(string entered, string key) =>
        Assert.Equal(key, StaffUsername.Normalize(entered));

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("has space")]
    public void Malformed_usernames_are_refused(string entered) =>
        Assert.Equal(HubErrorCode.BadRequest, Assert.Throws<RuleViolation>(() => StaffUsername.Normalize(entered)).Code);
}
