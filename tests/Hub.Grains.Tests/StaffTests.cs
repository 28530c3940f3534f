using Hub.Grains.Common;
using Hub.Grains.Staff;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class StaffTests(ClusterFixture fixture)
{
    private IStaffGrain NewStaff() => fixture.Grains.GetGrain<IStaffGrain>($"u{Guid.NewGuid():N}");

    private static StaffRegistration Registration(params string[] roles) =>
        new("correct horse", "王警官", roles.Length == 0 ? [Roles.Agent] : roles, ["police"]);

    [Fact]
    public async Task Signs_in_with_the_right_password_only()
    {
        var staff = NewStaff();
        var registered = await staff.Register(Registration(Roles.Agent, Roles.Press));

        var signedIn = await staff.SignIn("correct horse");

        Assert.Equal(registered.UserId, signedIn.UserId);
        Assert.Equal(["agent", "press"], signedIn.Roles);
        Assert.Equal(["police"], signedIn.AccountIds);
        await Rules.Refused(HubErrorCode.Unauthorized, () => staff.SignIn("wrong horse"));
        await Rules.Refused(HubErrorCode.Unauthorized, () => NewStaff().SignIn("correct horse"));
    }

    [Fact]
    public async Task Repeated_failures_lock_the_sign_in_for_a_minute()
    {
        var staff = NewStaff();
        await staff.Register(Registration());
        for (var i = 0; i < StaffGrain.FailuresBeforeLockout; i++)
        {
            await Rules.Refused(HubErrorCode.Unauthorized, () => staff.SignIn("guess"));
        }

        await Rules.Refused(HubErrorCode.RateLimited, () => staff.SignIn("correct horse"));
        ClusterFixture.Time.Advance(StaffGrain.Lockout);
        Assert.NotNull(await staff.SignIn("correct horse"));
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
        await Rules.Refused(HubErrorCode.Unauthorized, () => admin.SignIn("first-password"));
        Assert.Equal(identity.UserId, (await admin.SignIn("second-password")).UserId);
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
