using Hub.Grains.Presence;

namespace Hub.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class PresenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Only_the_last_closing_connection_reports_the_user_gone()
    {
        var presence = fixture.Grains.GetGrain<IUserPresenceGrain>($"s-{Guid.NewGuid():N}");
        await presence.Connected("tab-1");
        await presence.Connected("tab-2");

        Assert.False(await presence.Disconnected("tab-1"));
        Assert.True(await presence.Disconnected("tab-2"));
    }
}
