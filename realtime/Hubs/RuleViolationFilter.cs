using Hub.Grains.Common;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Hub.Realtime.Hubs;

/// <summary>
/// Turns a broken rule into the contract's hub error, "code: message", and a database that
/// cannot be reached into "unavailable: ...", so a client knows to try again. SignalR sends a
/// HubException's message to the caller and keeps the connection open.
/// </summary>
public sealed class RuleViolationFilter(ILogger<RuleViolationFilter> logger) : IHubFilter
{
    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            return await next(context);
        }
        catch (RuleViolation violation)
        {
            throw new HubException($"{violation.Code.Prefix()}: {violation.Message}");
        }
        catch (Exception failure) when (StorageFailure.IsCause(failure))
        {
            logger.LogWarning(failure, "{Method} failed: storage is unreachable", context.HubMethodName);
            throw new HubException($"{HubErrorCode.Unavailable.Prefix()}: storage is unreachable; try again");
        }
    }
}
