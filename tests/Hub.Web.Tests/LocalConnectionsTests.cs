using Hub.Realtime.Hubs;

namespace Hub.Web.Tests;

public sealed class LocalConnectionsTests
{
    [Fact]
    public void A_closed_connection_leaves_its_user_and_groups_and_nothing_else()
    {
        var local = new LocalConnections(new HubMetrics());
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

    [Fact]
    public void Group_members_are_counted_by_kind_once_each_and_until_they_leave()
    {
        // A kind of its own, so that other tests' groups do not count here.
        var kind = $"probe{Guid.NewGuid():N}";
        using var members = new InstrumentRecorder("hub.group.members", "hub.group.kind");
        var local = new LocalConnections(new HubMetrics());

        local.Connected("viewer", "tab-1");
        local.Joined($"{kind}:e1", "tab-1");
        local.Joined($"{kind}:e1", "tab-1");
        local.Joined($"{kind}:e2", "tab-1");
        local.Joined($"{kind}:e1", "tab-2");
        var joined = members.Sum(kind);
        local.Left($"{kind}:e1", "tab-2");
        local.Left($"{kind}:e9", "tab-2");
        local.Disconnected("tab-1");

        Assert.Equal(3, joined);
        Assert.Equal(0, members.Sum(kind));
    }
}
