using Microsoft.Extensions.Options;

namespace Hub.Web.Tests;

/// <summary>A node with settings it cannot work with (outside Development, a missing signing key) must not start at all.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("")]
    [InlineData("c2hvcnQta2V5")]
    [InlineData("not base64 at all!")]
    public async Task A_missing_or_weak_signing_key_stops_the_node(string key)
    {
        await using var factory = new HubAppFactory(new Dictionary<string, string> { ["Hub:Auth:SigningKey"] = key });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Address);

        Assert.Contains("Hub:Auth:SigningKey", Unwrap<OptionsValidationException>(refused)?.Message ?? refused.ToString());
    }

    [Theory]
    [InlineData("Hub:Membership:HeartbeatPeriod", "00:00:00")]
    [InlineData("Hub:Membership:MissedHeartbeats", "0")]
    public async Task Heartbeat_settings_that_could_never_tell_a_dead_silo_stop_the_node(string setting, string value)
    {
        await using var factory = new HubAppFactory(new Dictionary<string, string> { [setting] = value });

        var refused = Assert.ThrowsAny<Exception>(() => factory.Address);

        Assert.Contains(setting, refused.ToString());
    }

    private static T? Unwrap<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException ?? (exception as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            if (exception is T match)
            {
                return match;
            }
        }
        return null;
    }
}
