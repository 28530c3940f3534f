namespace Hub.Web.Hosting.OpenApi;

/// <summary>
/// Names a .NET type the way it travels in the hub's JSON: lists as <c>T[]</c>, a task as what it
/// completes with, primitives by their JSON type, records by their own name.
/// </summary>
public static class WireTypeNames
{
    public static string Of(Type type)
    {
        if (type == typeof(Task) || type == typeof(void))
        {
            return "none";
        }
        if (Nullable.GetUnderlyingType(type) is { } inner)
        {
            return Of(inner) + "?";
        }
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
        {
            return Of(type.GetGenericArguments()[0]);
        }
        if (type != typeof(string) && ElementOf(type) is { } element)
        {
            return Of(element) + "[]";
        }
        return Type.GetTypeCode(type) switch
        {
            TypeCode.String => "string",
            TypeCode.Boolean => "boolean",
            TypeCode.Int32 or TypeCode.Int64 => "integer",
            TypeCode.Double or TypeCode.Decimal => "number",
            _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "date-time (ISO 8601)",
            _ when type == typeof(TimeSpan) => "duration",
            _ => type.Name,
        };
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
