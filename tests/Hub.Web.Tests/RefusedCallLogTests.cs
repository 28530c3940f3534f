using System.Text;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging;

namespace Hub.Web.Tests;

/// <summary>
/// A refused hub call is the caller's business: it leaves one short debug line, with what the
/// client supplied stripped of line breaks, and nothing at Information or above, so a client
/// flooding the node with refused calls cannot fill its log.
/// </summary>
public sealed class RefusedCallLogTests(LoggedNode node) : IClassFixture<LoggedNode>
{
    private const int Flood = 5_000;
    private const int InFlight = 100;
    private const int MaxInformationalBytes = 16 * 1024;
    private const string Forged = "FORGED-LINE";

    [Fact]
    public async Task A_flood_of_refused_calls_leaves_the_informational_log_small()
    {
        await using var citizen = await LiveClient.Connect(node.Api.Address, (await node.Api.Citizen()).Token);
        await using var anonymous = await LiveClient.Connect(node.Api.Address, token: null);
        var before = node.Logs.Informational.Count;

        var answers = new List<string>();
        for (var sent = 0; sent < Flood; sent += InFlight)
        {
            var calls = Enumerable.Range(sent, InFlight).Select(i => i % 2 == 0
                ? Refusal(citizen.Invoke("SendMessage", $"no-such\r\n{Forged} {i}", $"c-{i}", "你好"))
                : Refusal(anonymous.Invoke("StartConversation", "some-account", "咨询")));
            answers.AddRange(await Task.WhenAll(calls));
        }

        Assert.Equal(Flood, answers.Count(a => a.Contains("HubException: not_found: ") || a.Contains("HubException: unauthorized: ")));
        var logged = node.Logs.Informational.Skip(before).ToList();
        var bytes = logged.Sum(l => Encoding.UTF8.GetByteCount(l.Text));
        Assert.True(bytes < MaxInformationalBytes,
            $"{logged.Count} lines, {bytes} bytes at Information or above, e.g.:\n{string.Join('\n', logged.Take(5).Select(l => $"{l.Level} {l.Category}: {l.Text}"))}");
    }

    [Fact]
    public async Task A_refusal_is_logged_once_at_debug_in_one_line_without_what_a_client_could_forge()
    {
        var signedIn = await node.Api.Citizen();
        await using var citizen = await LiveClient.Connect(node.Api.Address, signedIn.Token);
        var conversationId = $"missing-{Guid.NewGuid():N}\r\n{Forged}\u2028{Forged}";

        await HubAssert.Refused("not_found", citizen.Invoke("SendMessage", conversationId, "c-1", "你好"));

        var refusal = Assert.Single(node.Logs.Lines, l => l.Text.Contains(signedIn.UserId) && l.Text.Contains("SendMessage"));
        Assert.Equal(LogLevel.Debug, refusal.Level);
        Assert.Contains("not_found", refusal.Text);
        Assert.DoesNotContain(refusal.Text, c => char.IsControl(c) || c == '\u2028');
        Assert.True(refusal.Text.Length < 400, refusal.Text);
        Assert.DoesNotContain(node.Logs.Lines, l => l.Text.Split('\n').Any(line => line.StartsWith(Forged)));
    }

    private static async Task<string> Refusal(Task call)
    {
        var refused = await Assert.ThrowsAsync<HubException>(() => call);
        return refused.Message;
    }
}
