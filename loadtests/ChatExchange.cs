using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests;

/// <summary>
/// One citizen and one echoing agent on a fresh account: the citizen sends messages one at a
/// time and times the acknowledgement and the agent's echo. It counts what never came back.
/// </summary>
public static class ChatExchange
{
    private static readonly TimeSpan EchoDeadline = TimeSpan.FromSeconds(10);

    public static async Task<ChatExchangeResult> Run(ChatExchangeOptions options, CancellationToken cancellationToken = default)
    {
        using var client = new ContractClient(options.Target);
        var admin = await client.SignInStaff(options.AdminUser, options.AdminPassword);
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var accountId = $"load-{suffix}";
        var agentName = $"load-agent-{suffix}";
        const string agentPassword = "load-test-password";
        await client.CreateAccount(admin.Token, accountId, "Load test account");
        await client.CreateStaff(admin.Token, accountId, agentName, agentPassword, "agent");

        await using var agent = await client.Connect((await client.SignInStaff(agentName, agentPassword)).Token);
        agent.On<JsonElement>("message", message =>
        {
            if (message.GetProperty("senderRole").GetString() == "citizen")
            {
                var id = message.GetProperty("conversationId").GetString();
                var clientId = message.GetProperty("clientMessageId").GetString();
                _ = agent.InvokeAsync<JsonElement>("SendMessage", id, $"echo-{clientId}", message.GetProperty("text").GetString());
            }
        });
        await agent.InvokeAsync("SetAvailability", accountId, true, cancellationToken);

        await using var citizen = await client.Connect((await client.SignInCitizen("load citizen")).Token);
        var echoes = new ConcurrentDictionary<string, TaskCompletionSource>();
        var duplicates = 0;
        citizen.On<JsonElement>("message", message =>
        {
            var clientId = message.GetProperty("clientMessageId").GetString()!;
            if (message.GetProperty("senderRole").GetString() == "agent" && echoes.TryGetValue(clientId["echo-".Length..], out var echo)
                && !echo.TrySetResult())
            {
                Interlocked.Increment(ref duplicates);
            }
        });
        var conversation = await citizen.InvokeAsync<JsonElement>("StartConversation", accountId, "load test", cancellationToken);
        var conversationId = conversation.GetProperty("conversationId").GetString();

        var acknowledged = new List<double>();
        var echoed = new List<double>();
        var lost = 0;
        for (var i = 0; i < options.Messages; i++)
        {
            var clientId = $"m-{i}";
            var echo = echoes[clientId] = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var started = Stopwatch.GetTimestamp();
            await citizen.InvokeAsync<JsonElement>("SendMessage", conversationId, clientId, $"message {i} 消息", cancellationToken);
            acknowledged.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            try
            {
                await echo.Task.WaitAsync(EchoDeadline, cancellationToken);
                echoed.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
            catch (TimeoutException)
            {
                lost++;
            }
        }
        return new ChatExchangeResult(options.Messages, lost, duplicates, Percentiles.Of(acknowledged), Percentiles.Of(echoed));
    }
}

/// <summary>What one exchange measured; latencies in milliseconds.</summary>
public sealed record ChatExchangeResult(int Sent, int Lost, int Duplicated, Percentiles Acknowledged, Percentiles Echoed);

public sealed record Percentiles(double P50, double P99, double Max)
{
    public static Percentiles Of(List<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Percentiles(0, 0, 0);
        }
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.99), sorted[^1]);
    }

    public override string ToString() => $"p50 {P50:F1} ms, p99 {P99:F1} ms, max {Max:F1} ms";
}
