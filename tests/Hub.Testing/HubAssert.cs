using Microsoft.AspNetCore.SignalR;
using Xunit;

namespace Hub.Testing;

public static class HubAssert
{
    /// <summary>Asserts the hub refused the call with the contract's "code: message" error.</summary>
    public static async Task Refused(string code, Task call)
    {
        var error = await Assert.ThrowsAsync<HubException>(() => call);
        Assert.Contains($"HubException: {code}: ", error.Message);
    }
}
