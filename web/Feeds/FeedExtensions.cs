namespace Hub.Web.Feeds;

public static class FeedExtensions
{
    /// <summary>What the feeds read; add a source here for each kind of publication.</summary>
    public static WebApplicationBuilder AddHubFeeds(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IFeedSource, StatementFeedSource>();
        builder.Services.AddSingleton<IFeedSource, PostFeedSource>();
        return builder;
    }
}
