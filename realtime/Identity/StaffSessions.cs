using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Hub.Realtime.Identity;

/// <summary>This node's open hub connections of staff members, with the stamp each was opened with.</summary>
public sealed class StaffSessions
{
    private readonly ConcurrentDictionary<string, (HubCallerContext Connection, string Username, string Stamp)> _open = new();

    public void Opened(HubCallerContext connection)
    {
        if (connection.User.StaffStamp() is { } staff)
        {
            _open[connection.ConnectionId] = (connection, staff.Username, staff.Stamp);
        }
    }

    public void Closed(HubCallerContext connection) => _open.TryRemove(connection.ConnectionId, out _);

    /// <summary>The members with open connections, and the stamps those connections carry.</summary>
    public IReadOnlyList<(string Username, string Stamp)> Holders() =>
        [.. _open.Values.Select(s => (s.Username, s.Stamp)).Distinct()];

    /// <summary>Closes every connection opened with that stamp; answers how many.</summary>
    public int Close(string username, string stamp)
    {
        var closed = 0;
        foreach (var (id, session) in _open)
        {
            if (session.Username == username && session.Stamp == stamp && _open.TryRemove(id, out _))
            {
                session.Connection.Abort();
                closed++;
            }
        }
        return closed;
    }
}
