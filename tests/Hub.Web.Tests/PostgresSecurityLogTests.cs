using Hub.Grains.Hosting.Postgres;
using Hub.Grains.Security;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Hub.Web.Tests;

/// <summary>The security log in PostgreSQL: entries read back newest first by account, and the table refuses changes.</summary>
public sealed class PostgresSecurityLogTests
{
    private static SecurityEvent Entry(int minute, string? accountId, string actorId) =>
        new(new DateTimeOffset(2026, 11, 28, 8, minute, 0, TimeSpan.Zero), SecurityEventKinds.SignIn, actorId, "坐席\n伪造的一行", accountId,
            actorId, "10.1.2.3", minute == 3 ? new string('长', 900) : null);

    [Fact]
    public async Task Entries_are_kept_read_newest_first_by_account_and_never_changed()
    {
        await using var database = await TestDatabase.Create();
        await new SchemaMigrator(database.ConnectionString, NullLogger<SchemaMigrator>.Instance).StartAsync(CancellationToken.None);
        await using var log = new PostgresSecurityLog(database.ConnectionString);
        for (var minute = 1; minute <= 4; minute++)
        {
            await log.Append(Entry(minute, minute % 2 == 0 ? "city-hotline" : minute == 1 ? null : "city-transport", $"s-{minute}"));
        }

        var all = await log.Read(new SecurityLogQuery(null, null, 10));
        var hotline = await log.Read(new SecurityLogQuery(["city-hotline"], null, 10));
        var older = await log.Read(new SecurityLogQuery(null, Entry(3, null, "").At, 10));
        var newest = await log.Read(new SecurityLogQuery(["city-hotline", "city-transport"], null, 2));

        Assert.Equal(["s-4", "s-3", "s-2", "s-1"], all.Select(e => e.ActorId));
        Assert.Equal(Entry(4, "city-hotline", "s-4"), all[0]);
        Assert.Equal("坐席 伪造的一行", all[0].ActorName);
        Assert.Equal((SecurityEvent.MaxDetailLength, "10.1.2.3"), (all[1].Detail!.Length, all[1].ClientAddress));
        Assert.Null(all[3].AccountId);
        Assert.Equal(["s-4", "s-2"], hotline.Select(e => e.ActorId));
        Assert.Equal(["s-2", "s-1"], older.Select(e => e.ActorId));
        Assert.Equal(["s-4", "s-3"], newest.Select(e => e.ActorId));
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        foreach (var change in new[] { "UPDATE hub_security_log SET detail = 'x'", "DELETE FROM hub_security_log", "TRUNCATE hub_security_log" })
        {
            await using var command = new NpgsqlCommand(change, connection);
            await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());
        }
        Assert.Equal(4, await database.Count("SELECT count(*) FROM hub_security_log"));
    }
}
