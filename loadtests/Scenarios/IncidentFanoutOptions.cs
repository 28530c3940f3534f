namespace Hub.LoadTests.Scenarios;

/// <summary>How many anonymous followers one incident has, its grade and how long each statement is.</summary>
public sealed record IncidentFanoutOptions(int Followers, int Severity, int StatementBytes);
