using Hub.Grains.Common;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Realtime.Hubs;

/// <summary>
/// Turns a broken rule into the contract's hub error, "code: message". SignalR sends a
/// HubException's message to the caller and keeps the connection open.
/// </summary>
public sealed class RuleViolationFilter : IHubFilter
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
    }
}
