using System.Text.Json;

namespace Hub.Testing;

/// <summary>Short reads of the camelCase JSON the hub sends.</summary>
public static class JsonReading
{
    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static long Long(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    public static bool IsFor(this JsonElement element, string conversationId) => element.Str("conversationId") == conversationId;
}
