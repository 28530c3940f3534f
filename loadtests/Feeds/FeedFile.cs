using System.Text.Json;
using Microsoft.VisualBasic.FileIO;

namespace Hub.LoadTests.Feeds;

/// <summary>
/// Reads a feed's items: a CSV file with a header row (the column named "text" when there is
/// one, else the first column; quoted fields may hold commas and line breaks), or a JSON array
/// of strings or of objects with a "text" property. Empty items are left out.
/// </summary>
public static class FeedFile
{
    public const string TextColumn = "text";

    public static IReadOnlyList<string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FormatException($"no feed file at {path}");
        }
        var items = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".csv" => ReadCsv(path),
            ".json" => ReadJson(path),
            var other => throw new FormatException($"a feed is a .csv or .json file, not '{other}'"),
        };
        return [.. items.Where(item => !string.IsNullOrWhiteSpace(item))];
    }

    private static List<string> ReadCsv(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? [];
        var column = Math.Max(0, Array.FindIndex(header, h => string.Equals(h.Trim(), TextColumn, StringComparison.OrdinalIgnoreCase)));
        var items = new List<string>();
        try
        {
            while (parser.ReadFields() is { } fields)
            {
                items.Add(column < fields.Length ? fields[column] : "");
            }
        }
        catch (MalformedLineException error)
        {
            throw new FormatException($"{path} line {error.LineNumber} is not valid CSV");
        }
        return items;
    }

    private static List<string> ReadJson(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"{path} is not a JSON array");
            }
            return [.. document.RootElement.EnumerateArray().Select(item => item.ValueKind switch
            {
                JsonValueKind.String => item.GetString()!,
                JsonValueKind.Object when item.TryGetProperty(TextColumn, out var text) && text.ValueKind == JsonValueKind.String => text.GetString()!,
                _ => throw new FormatException($"{path}: every item is a string or an object with a \"{TextColumn}\" string"),
            })];
        }
        catch (JsonException error)
        {
            throw new FormatException($"{path} is not valid JSON: {error.Message}");
        }
    }
}
