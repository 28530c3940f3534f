using System.Reflection;
using System.Text.Json;
using Hub.Grains.Push;
using Hub.Realtime.Hubs;
using Hub.Web.Hosting.Overload;

namespace Hub.Web.Hosting.OpenApi;

/// <summary>
/// The live hub's reference, served at <c>/openapi/hub.json</c>: every method a client may call,
/// from the hub's type and its doc comments, and every event the hub sends, from
/// <see cref="ClientEvents"/>. Built once, from the code itself, so it cannot drift from it.
/// </summary>
public sealed class HubReference
{
    public const string Path = "/openapi/hub.json";

    public sealed record Parameter(string Name, string Type);

    public sealed record Method(string Name, string Summary, string Roles, IReadOnlyList<Parameter> Parameters, string Returns);

    public sealed record Field(string Name, string Type);

    public sealed record Event(string Name, string Summary, string Payload, IReadOnlyList<Field> Fields);

    public sealed record Document(string Hub, string Protocol, IReadOnlyList<Method> Methods, IReadOnlyList<Event> Events);

    public Document Content { get; } = new(
        ConnectionAdmission.HubPath,
        "SignalR, JSON protocol, WebSockets; a failed call is a HubException whose message begins with a contract code and a colon",
        Methods(XmlDocComments.Of(typeof(LiveHub).Assembly)),
        Events());

    /// <summary>The methods SignalR lets clients call: public, on the hub itself, not the base class's overrides.</summary>
    public static IEnumerable<MethodInfo> HubMethods() =>
        typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(LiveHub))
            .OrderBy(m => m.Name, StringComparer.Ordinal);

    /// <summary>The event names clients listen for.</summary>
    public static IEnumerable<FieldInfo> EventNames() =>
        typeof(ClientEvents).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral);

    private static List<Method> Methods(XmlDocComments docs) =>
    [
        .. HubMethods().Select(m => new Method(
            m.Name,
            docs.Of(m, "summary"),
            docs.Of(m, "roles"),
            [.. m.GetParameters().Select(p => new Parameter(p.Name!, WireTypeNames.Of(p.ParameterType)))],
            WireTypeNames.Of(m.ReturnType))),
    ];

    private static List<Event> Events() =>
    [
        .. EventNames().Select(f => (Name: (string)f.GetRawConstantValue()!, About: f.GetCustomAttribute<ClientEventAttribute>()))
            .Select(e => new Event(e.Name, e.About?.Summary ?? "", e.About is null ? "" : WireTypeNames.Of(e.About.Payload), Fields(e.About?.Payload))),
    ];

    /// <summary>The payload's JSON properties, camelCase as the hub writes them.</summary>
    private static List<Field> Fields(Type? payload) =>
    [
        .. (payload?.GetProperties(BindingFlags.Public | BindingFlags.Instance) ?? [])
            .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
            .Select(p => new Field(JsonNamingPolicy.CamelCase.ConvertName(p.Name), WireTypeNames.Of(p.PropertyType))),
    ];
}
