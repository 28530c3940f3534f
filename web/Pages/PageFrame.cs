namespace Hub.Web.Pages;

/// <summary>
/// What the shared layout needs to know about a page: its name (the body class <c>page-NAME</c>
/// and its script <c>/js/NAME.js</c>), its title, and which parts of the frame it uses.
/// </summary>
/// <param name="Name">The page's short name, e.g. <c>citizen</c>.</param>
/// <param name="TitleKey">The i18n key of the title, shown in the tab and the header.</param>
/// <param name="Title">The Chinese title, shown until the page's script applies the chosen language.</param>
public sealed record PageFrame(string Name, string TitleKey, string Title)
{
    /// <summary>The page holds a live hub connection: the layout loads the SignalR client.</summary>
    public bool Live { get; init; }

    /// <summary>A console that uses the whole width of the screen.</summary>
    public bool Wide { get; init; }

    /// <summary>False for screens that are only looked at (the projector board): no header, the page brings its own main.</summary>
    public bool Header { get; init; } = true;
}
