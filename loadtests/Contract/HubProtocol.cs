namespace Hub.LoadTests.Contract;

/// <summary>
/// The hub protocol a client speaks: JSON, the contract's, or MessagePack, which the hub also
/// accepts (maps keyed by the members' .NET names, so events are read into typed records).
/// </summary>
public enum HubProtocol
{
    Json,
    MessagePack,
}

public static class HubProtocols
{
    public const string Option = "--protocol";

    public static HubProtocol Parse(string? name) => name?.ToLowerInvariant() switch
    {
        null or "json" => HubProtocol.Json,
        "messagepack" => HubProtocol.MessagePack,
        _ => throw new FormatException($"{Option} must be json or messagepack, not '{name}'"),
    };
}
