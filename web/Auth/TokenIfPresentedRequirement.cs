using Microsoft.AspNetCore.Authorization;

namespace Hub.Web.Auth;

/// <summary>
/// Anyone may open a hub connection (following a public event needs no account), but a
/// connection that presents a token must present a valid one: a bad token is refused with
/// 401 rather than silently treated as anonymous.
/// </summary>
public sealed class TokenIfPresentedRequirement : AuthorizationHandler<TokenIfPresentedRequirement>, IAuthorizationRequirement
{
    public const string Policy = "token-if-presented";

    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, TokenIfPresentedRequirement requirement)
    {
        var presented = context.Resource is HttpContext http
            && (http.Request.Headers.Authorization.Count > 0 || http.Request.Query.ContainsKey("access_token"));
        if (context.User.Identity?.IsAuthenticated == true || !presented)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
