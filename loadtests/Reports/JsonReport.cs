using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.LoadTests.Reports;

/// <summary>The whole report as JSON (camelCase), for tools and for comparing runs.</summary>
public static class JsonReport
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Render(RunReport report) => JsonSerializer.Serialize(report, Options);
}
