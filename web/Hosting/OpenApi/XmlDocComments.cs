using System.Reflection;
using System.Xml.Linq;

namespace Hub.Web.Hosting.OpenApi;

/// <summary>
/// The doc comments the compiler wrote next to an assembly (its <c>.xml</c> file), looked up by
/// method name: hub methods cannot be overloaded, so a name is enough.
/// </summary>
public sealed class XmlDocComments
{
    private readonly Dictionary<string, XElement> _members = new(StringComparer.Ordinal);

    private XmlDocComments(XDocument? file)
    {
        foreach (var member in file?.Root?.Element("members")?.Elements("member") ?? [])
        {
            if (member.Attribute("name")?.Value is { } name)
            {
                _members[name.Split('(')[0]] = member;
            }
        }
    }

    /// <summary>The comments of the assembly, or none when its file was not deployed with it.</summary>
    public static XmlDocComments Of(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        return new XmlDocComments(File.Exists(path) ? XDocument.Load(path) : null);
    }

    /// <summary>The text of one element (summary, roles) of a method's comment, on one line; empty when absent.</summary>
    public string Of(MethodInfo method, string element) =>
        _members.GetValueOrDefault($"M:{method.DeclaringType!.FullName}.{method.Name}")?.Element(element) is { } text
            ? OneLine(text)
            : "";

    /// <summary>Cross-references (<c>see cref</c>) read as the name they point at.</summary>
    private static string OneLine(XElement element)
    {
        var words = element.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "see" } see => (see.Attribute("cref")?.Value ?? "").Split('.', ':')[^1],
            XElement other => other.Value,
            _ => "",
        });
        return string.Join(' ', string.Concat(words).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
