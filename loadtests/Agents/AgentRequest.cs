namespace Hub.LoadTests.Agents;

/// <summary>What a coordinator asks of an agent: a scenario's command line, and which share of its load to run.</summary>
public sealed record AgentRequest(IReadOnlyList<string> Args, int ShareIndex, int ShareCount);
