using System.Text;

namespace Hub.LoadTests.Scenarios;

/// <summary>Message texts of a chosen size; the report's data column counts their UTF-8 bytes.</summary>
public static class Payload
{
    public static string Text(string id, int bytes) =>
        bytes <= id.Length + 1 ? id : $"{id} {new string('x', bytes - id.Length - 1)}";

    public static long Bytes(string text) => Encoding.UTF8.GetByteCount(text);
}
