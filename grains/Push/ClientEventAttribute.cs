namespace Hub.Grains.Push;

/// <summary>
/// Describes a server event for the hub's reference: the record it carries and who receives it.
/// Every name in <see cref="ClientEvents"/> carries one; a test holds them to that.
/// </summary>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ClientEventAttribute(Type payload, string summary) : Attribute
{
    public Type Payload { get; } = payload;

    public string Summary { get; } = summary;
}
