using System.Security.Claims;
using System.Text.Encodings.Web;
using Hub.Grains.ApiKeys;
using Hub.Realtime.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Hub.Web.Auth.ApiKeys;

/// <summary>
/// Reads a service account's key from <c>Authorization: ApiKey KEY</c> or <c>X-Api-Key</c> and
/// makes its caller (see <see cref="ApiKeyCaller"/>), with the key's scope as a claim. Keys are
/// for the REST API: the live hub and the operations pages take none.
/// </summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IGrainFactory grains)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";
    public const string ScopeClaim = "scope";

    public static string? Presented(HttpRequest request)
    {
        if (request.Headers[Header] is { Count: > 0 } header)
        {
            return header.ToString();
        }
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith(SchemeName + " ", StringComparison.OrdinalIgnoreCase) ? authorization[(SchemeName.Length + 1)..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (Presented(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }
        if (Request.Path.StartsWithSegments("/hub") || Request.Path.StartsWithSegments("/ops"))
        {
            return AuthenticateResult.Fail("API keys are for the REST API");
        }
        if (ApiKeySecret.Parse(presented) is not var (keyId, hash)
            || await grains.GetGrain<IApiKeyGrain>(keyId).Verify(hash) is not { } key)
        {
            return AuthenticateResult.Fail("unknown or revoked API key");
        }
        var caller = ApiKeyCaller.For(key);
        var identity = HubClaims.Identity(caller.UserId, caller.DisplayName, caller.Roles, caller.AccountIds);
        identity.AddClaims(caller.Grants.SelectMany(g => g.Roles.Select(r => new Claim(HubClaims.Grant, $"{g.AccountId}:{r}"))));
        identity.AddClaim(new Claim(ScopeClaim, key.Scope));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
