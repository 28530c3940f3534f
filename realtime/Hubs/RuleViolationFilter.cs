using Hub.Grains.Common;
using Hub.Realtime.Errors;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Hub.Realtime.Hubs;

/// <summary>
/// Turns a failed call into the contract's hub error, "code: message" (a database or silo that
/// cannot be reached answers "unavailable: ...", so a client knows to try again). SignalR sends a
/// HubException's message to the caller and keeps the connection open.
/// <para>
/// Each call is logged here, once: a refusal is the caller's business and gets one short debug
/// line, an unreachable store a warning without a stack, anything else an error with its stack.
/// SignalR's dispatcher would log every one of them at Error with a stack trace, so the web
/// node silences its category (<see cref="DispatcherLogCategory"/>).
/// </para>
/// </summary>
public sealed class RuleViolationFilter(ILogger<RuleViolationFilter> logger, HubMetrics metrics) : IHubFilter
{
    /// <summary>The logging category of SignalR's hub dispatcher.</summary>
    public const string DispatcherLogCategory = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    /// <summary>How much of anything a client supplied one log line keeps.</summary>
    private const int MaxLoggedText = 160;

    public async ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        try
        {
            var answer = await next(context);
            metrics.Called(context.HubMethodName, HubMetrics.Ok);
            return answer;
        }
        catch (HubException refusal)
        {
            metrics.Called(context.HubMethodName, HubMetrics.ResultOf(refusal.Message));
            LogRefusal(context, refusal.Message);
            throw;
        }
        catch (Exception failure) when (CallFailure.AsRuleViolation(failure) is { } violation)
        {
            var answer = $"{violation.Code.Prefix()}: {violation.Message}";
            metrics.Called(context.HubMethodName, violation.Code.Prefix());
            if (violation.Code == HubErrorCode.Unavailable)
            {
                logger.LogWarning("{Method} answered {Answer} ({Failure}: {Reason})", context.HubMethodName, answer,
                    failure.GetType().Name, OneLine.Clean(failure.Message, MaxLoggedText));
            }
            else
            {
                LogRefusal(context, answer);
            }
            throw new HubException(answer);
        }
        catch (Exception failure)
        {
            metrics.Called(context.HubMethodName, HubMetrics.Error);
            logger.LogError(failure, "{Method} failed", context.HubMethodName);
            throw;
        }
    }

    private void LogRefusal(HubInvocationContext context, string answer) =>
        logger.LogDebug("{Method} refused for {User}: {Answer}", context.HubMethodName,
            OneLine.Clean(context.Context.UserIdentifier ?? "anonymous", MaxLoggedText), OneLine.Clean(answer, MaxLoggedText));
}
