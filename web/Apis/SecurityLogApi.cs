using Hub.Grains.Accounts;
using Hub.Grains.Common;
using Hub.Grains.Security;
using Hub.Realtime.Identity;

namespace Hub.Web.Apis;

/// <summary>The security log, newest first: admins read all of it, inspectors their own accounts' entries.</summary>
public static class SecurityLogApi
{
    public const int DefaultLimit = 100;

    public static IEndpointRouteBuilder MapSecurityLogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/security-log", ReadLog).WithTags("Security").RequireAuthorization();
        return app;
    }

    private static Task<IReadOnlyList<SecurityEvent>> ReadLog(string? accountId, DateTimeOffset? before, int? limit, HttpContext http, ISecurityLog log)
    {
        var caller = http.User.RequireCaller();
        var count = limit ?? DefaultLimit;
        if (count is < 1 or > SecurityLogQuery.MaxLimit)
        {
            throw RuleViolation.BadRequest($"limit must be 1 to {SecurityLogQuery.MaxLimit}");
        }
        IReadOnlyCollection<string>? accounts = string.IsNullOrEmpty(accountId) ? null : [AccountId.Require(accountId)];
        if (!caller.HasRole(Roles.Admin))
        {
            if (!caller.AccountsWhere(Roles.Inspector).Any())
            {
                throw RuleViolation.Forbidden("only admins and inspectors read the security log");
            }
            var inspected = caller.AccountsWhere(Roles.Inspector).ToList();
            if (accounts is not null && !inspected.Contains(accountId!))
            {
                throw RuleViolation.Forbidden("inspectors read only the entries of their own accounts");
            }
            accounts ??= inspected;
        }
        return log.Read(new SecurityLogQuery(accounts, before, count));
    }
}
