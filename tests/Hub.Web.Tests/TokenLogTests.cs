using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.Web.Tests;

/// <summary>
/// Browsers send the hub's token in the query string, which request logging would write out:
/// with everything at Information, no log line holds a token, valid or forged.
/// </summary>
public sealed class TokenLogTests(LoggedNode node) : IClassFixture<LoggedNode>
{
    [Fact]
    public async Task A_token_in_the_hub_query_appears_in_no_log_line()
    {
        var token = (await node.Api.Citizen()).Token;
        var forged = token[..^4] + (token.EndsWith("AAAA") ? "BBBB" : "AAAA");

        await using (var connection = await ConnectWithTokenInQuery(token))
        {
            Assert.Equal(HubConnectionState.Connected, connection.State);
        }
        await Assert.ThrowsAnyAsync<Exception>(() => ConnectWithTokenInQuery(forged));

        var lines = node.Logs.Lines;
        Assert.Contains(lines, l => l.Category.StartsWith("Microsoft.AspNetCore") && l.Text.Contains("/hub"));
        var signatures = new[] { token, forged }.Select(t => t[(t.LastIndexOf('.') + 1)..]);
        Assert.DoesNotContain(lines, l => signatures.Any(l.Text.Contains));
    }

    private async Task<HubConnection> ConnectWithTokenInQuery(string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(node.Api.Address, $"/hub?access_token={Uri.EscapeDataString(token)}"), options =>
            {
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        try
        {
            await connection.StartAsync();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
