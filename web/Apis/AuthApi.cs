using Hub.Realtime.Identity;
using Hub.Grains.Common;
using Hub.Grains.Staff;
using Hub.Web.Auth;
using Hub.Web.Hosting;
using Microsoft.Extensions.Options;

namespace Hub.Web.Apis;

/// <summary>Sign-in for citizens (a display name) and staff (username and password), and renewal of either.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Identity");
        auth.MapPost("/citizen", SignInCitizen).RequireRateLimiting(AddressLimits.CitizenTokens);
        auth.MapPost("/staff", SignInStaff).RequireRateLimiting(AddressLimits.StaffSignIns);
        auth.MapPost("/renew", Renew).RequireAuthorization();
        return app;
    }

    public sealed record CitizenSignIn(string? DisplayName);

    public sealed record StaffSignIn(string? Username, string? Password);

    public sealed record SignedIn(
        string Token, string UserId, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> AccountIds,
        IReadOnlyList<AccountGrant> Grants, DateTimeOffset ExpiresAt);

    private static SignedIn SignInCitizen(CitizenSignIn body, TokenIssuer tokens, IOptions<AuthOptions> options, IOptions<DisplayNameOptions> names)
    {
        var displayName = DisplayNames.Require(body.DisplayName, isCitizen: true, names.Value.Reserved);
        return Citizen($"c-{Guid.NewGuid():N}", displayName, tokens, options.Value);
    }

    private static async Task<SignedIn> SignInStaff(StaffSignIn body, HttpContext http, IGrainFactory grains, TokenIssuer tokens, IOptions<AuthOptions> options)
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
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "";
        return Staff(await grains.GetGrain<IStaffGrain>(username).SignIn(body.Password ?? "", address), tokens, options.Value);
    }

    /// <summary>
    /// A fresh token for the caller, so pages keep their sign-in past a token's lifetime. A staff
    /// member's comes from who they are now: disabled members and changed roles answer 401.
    /// </summary>
    private static async Task<SignedIn> Renew(HttpContext http, IGrainFactory grains, TokenIssuer tokens, IOptions<AuthOptions> options)
    {
        var caller = http.User.RequireCaller();
        if (http.User.StaffStamp() is { } staff)
        {
            return Staff(await grains.GetGrain<IStaffGrain>(staff.Username).Current(), tokens, options.Value);
        }
        return Citizen(caller.UserId, caller.DisplayName, tokens, options.Value);
    }

    /// <summary>A citizen's token: new citizens, renewals, and citizens coming back to a conversation.</summary>
    internal static SignedIn Citizen(string userId, string displayName, TokenIssuer tokens, AuthOptions options)
    {
        string[] roles = [Roles.Citizen];
        var (token, expiresAt) = tokens.Issue(HubClaims.Identity(userId, displayName, roles, []), options.CitizenTokenLifetime);
        return new SignedIn(token, userId, displayName, roles, [], [], expiresAt);
    }

    private static SignedIn Staff(StaffIdentity staff, TokenIssuer tokens, AuthOptions options)
    {
        var claims = HubClaims.StaffIdentity(staff.UserId, staff.Username, staff.DisplayName, staff.Roles, staff.Grants, staff.Stamp);
        var (token, expiresAt) = tokens.Issue(claims, options.StaffTokenLifetime);
        return new SignedIn(token, staff.UserId, staff.DisplayName, staff.Roles, staff.AccountIds, staff.Grants, expiresAt);
    }
}
