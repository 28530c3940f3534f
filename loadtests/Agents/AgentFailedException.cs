namespace Hub.LoadTests.Agents;

/// <summary>An agent that could not run its share; the coordinated run has no figures without it.</summary>
public sealed class AgentFailedException(Uri agent, string problem) : Exception($"agent {agent} {problem}");
