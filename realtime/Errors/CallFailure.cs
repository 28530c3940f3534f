using Hub.Grains.Common;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Hub.Realtime.Errors;

/// <summary>
/// What a failed call answers, the same over the hub and REST: a broken rule keeps its code; a
/// database or a silo that cannot be reached answers unavailable, because the same call may
/// succeed once the cluster has recovered. Anything else is a fault of ours and has no answer here.
/// </summary>
public static class CallFailure
{
    public static RuleViolation? AsRuleViolation(Exception failure) => failure switch
    {
        RuleViolation violation => violation,
        _ when StorageFailure.IsCause(failure) => RuleViolation.Unavailable("storage is unreachable; try again"),
        _ when IsLostSilo(failure) => RuleViolation.Unavailable("a silo did not answer; try again"),
        _ => null,
    };

    /// <summary>
    /// A silo died or could not be reached while a grain call was on its way: the message was
    /// rejected, the connection failed, or the answer did not come before the call's timeout.
    /// </summary>
    public static bool IsLostSilo(Exception? failure)
    {
        for (; failure is not null; failure = failure.InnerException)
        {
            if (failure is OrleansMessageRejectionException or ConnectionFailedException or TimeoutException)
            {
                return true;
            }
        }
        return false;
    }
}
