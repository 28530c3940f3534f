using Hub.Grains.Common;

namespace Hub.Grains.Tests;

public static class Rules
{
    /// <summary>Asserts the call is refused with the given contract code.</summary>
    public static async Task Refused(HubErrorCode code, Func<Task> call)
    {
        var violation = await Assert.ThrowsAsync<RuleViolation>(call);
        Assert.Equal(code, violation.Code);
    }
}
