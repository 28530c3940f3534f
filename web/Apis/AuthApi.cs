using Hub.Realtime.Identity;
using Hub.Grains.Common;
using Hub.Grains.Staff;
using Hub.Web.Auth;
using Hub.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Web.Apis;

/// <summary>Sign-in for citizens (a display name) and staff (username and password).</summary>
public static class AuthApi
{
    public const int MaxDisplayNameLength = 64;

    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Identity");
        auth.MapPost("/citizen", SignInCitizen).RequireRateLimiting(AddressLimits.CitizenTokens);
        auth.MapPost("/staff", SignInStaff).RequireRateLimiting(AddressLimits.StaffSignIns);
        return app;
    }

    public sealed record CitizenSignIn(string? DisplayName);

    public sealed record StaffSignIn(string? Username, string? Password);

    public sealed record SignedIn(string Token, string UserId, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> AccountIds);

    private static SignedIn SignInCitizen(CitizenSignIn body, TokenIssuer tokens, IOptions<AuthOptions> options)
    {
        var displayName = TextRules.RequireText(body.DisplayName, "displayName").Trim();
        if (displayName.Length > MaxDisplayNameLength)
        {
            throw RuleViolation.BadRequest($"displayName is at most {MaxDisplayNameLength} characters");
        }
        var userId = $"c-{Guid.NewGuid():N}";
        string[] roles = [Roles.Citizen];
        var token = tokens.Issue(HubClaims.Identity(userId, displayName, roles, []), options.Value.CitizenTokenLifetime);
        return new SignedIn(token, userId, displayName, roles, []);
    }

    private static async Task<SignedIn> SignInStaff(StaffSignIn body, IGrainFactory grains, TokenIssuer tokens, IOptions<AuthOptions> options)
    {
        string username;
        try
        {
            username = StaffUsername.Normalize(body.Username);
        }
        catch (RuleViolation)
        {
            // Same answer as a wrong password: a sign-in form must not tell which part was wrong.
            throw RuleViolation.Unauthorized("wrong username or password");
        }
        var staff = await grains.GetGrain<IStaffGrain>(username).SignIn(body.Password ?? "");
        var token = tokens.Issue(HubClaims.Identity(staff.UserId, staff.DisplayName, staff.Roles, staff.AccountIds),
            options.Value.StaffTokenLifetime);
        return new SignedIn(token, staff.UserId, staff.DisplayName, staff.Roles, staff.AccountIds);
    }
}
