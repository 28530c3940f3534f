namespace Hub.LoadTests.Scenarios;

/// <summary>How many clients drop at once: half follow an incident, half are citizens in a conversation.</summary>
public sealed record ReconnectStormOptions(int Clients);
