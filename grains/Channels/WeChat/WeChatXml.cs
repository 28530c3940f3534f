using System.Xml;
using Hub.Grains.Common;

namespace Hub.Grains.Channels.WeChat;

/// <summary>
/// Reads WeChat's flat <c>&lt;xml&gt;</c> documents into their fields. A DTD (and with it any
/// entity) is refused, nothing is resolved from outside, and the size is bounded.
/// </summary>
public static class WeChatXml
{
    public const int MaxCharacters = 64 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = MaxCharacters,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>The text of each child of the root element; bad_request for anything that is not such a document.</summary>
    public static IReadOnlyDictionary<string, string> Fields(string xml)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), Settings);
            reader.MoveToContent();
            if (reader.NodeType != XmlNodeType.Element || reader.Name != "xml")
            {
                throw RuleViolation.BadRequest("the body must be an <xml> document");
            }
            reader.ReadStartElement();
            while (reader.NodeType == XmlNodeType.Element)
            {
                var name = reader.Name;
                fields[name] = reader.ReadElementContentAsString();
            }
        }
        catch (XmlException failure)
        {
            throw RuleViolation.BadRequest($"the body is not acceptable XML: {failure.Message}");
        }
        return fields;
    }
}
