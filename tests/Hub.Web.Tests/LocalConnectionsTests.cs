using Hub.Realtime.Hubs;

namespace Hub.Web.Tests;

public sealed class LocalConnectionsTests
{
    [Fact]
    public void A_closed_connection_leaves_its_user_and_groups_and_nothing_else()
    {
        var local = new LocalConnections();
        local.Connected("citizen-1", "tab-1");
        local.Connected("citizen-1", "tab-2");
        local.Joined("event:e1", "tab-1");
        local.Joined("event:e1", "tab-2");
        local.Joined("event:e2", "tab-1");

        local.Disconnected("tab-1");
        local.Left("event:e1", "tab-2");

        Assert.Equal(["tab-2"], local.OfUsers(["citizen-1", "nobody"]));
        Assert.Empty(local.InGroups(["event:e1", "event:e2"]));
    }
}
