namespace Hub.Web.Hosting;

/// <summary>Browser-facing security settings of the node, bound from <c>Hub:Http</c>.</summary>
public sealed class HttpSecurityOptions
{
    public const string Section = "Hub:Http";

    /// <summary>
    /// Origins allowed to show the pages in a frame (the CSP frame-ancestors sources, e.g.
    /// https://portal.example.gov.cn); none, the default, allows no one.
    /// </summary>
    public List<string> FrameAncestors { get; set; } = [];

    /// <summary>Each source is one token: no spaces, separators or control characters that could break the header.</summary>
    public bool IsValid =>
        FrameAncestors.All(source => source.Length > 0 && !source.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is ';' or ','));
}
