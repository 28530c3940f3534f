using Hub.LoadTests.Contract;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Scenarios;
using Microsoft.AspNetCore.SignalR.Client;

namespace Hub.LoadTests.Floor;

/// <summary>The echo round trip on the floor hub: the bare transport's cost of a call that is answered. Step "echo".</summary>
public sealed class FloorEcho(Uri floor, int connections, int messageBytes, HubProtocol protocol = HubProtocol.Json) : ILoadScenario
{
    public const string Echo = "echo";

    private readonly ContractClient _client = new(floor, protocol);
    private HubConnection[] _connections = [];

    public string Name => "floor-echo";

    public async Task Init(ScenarioContext context, CancellationToken cancellationToken)
    {
        context.Declare(Echo);
        _connections = await Connections.OpenMany(context, connections, (_, token) => _client.Connect(null, token), cancellationToken);
    }

    public async Task Iterate(Iteration iteration, CancellationToken cancellationToken)
    {
        var connection = _connections[(iteration.Copy >= 0 ? iteration.Copy : iteration.Number) % _connections.Length];
        var text = Payload.Text($"m{iteration.Number}", messageBytes);
        await iteration.Step(Echo, () => connection.InvokeAsync<string>("Echo", text, cancellationToken), Payload.Bytes);
    }

    public Task Finish(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        await Connections.CloseAll(_connections);
        _client.Dispose();
    }
}
