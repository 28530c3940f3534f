namespace Hub.LoadTests.Scenarios;

using Hub.LoadTests.Contract;

/// <summary>How many citizens chat with how many echoing agents, how long their messages are, and in which hub protocol.</summary>
public sealed record CitizenChatOptions(int Citizens, int Agents, int MessageBytes, HubProtocol Protocol = HubProtocol.Json)
{
    /// <summary>The hub's default open conversations per agent (Hub:Routing:AgentCapacity).</summary>
    public const int DefaultAgentCapacity = 5;

    public static int AgentsFor(int citizens, int capacity = DefaultAgentCapacity) => Math.Max(1, (citizens + capacity - 1) / capacity);
}
