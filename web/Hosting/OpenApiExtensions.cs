using Hub.Web.Hosting.OpenApi;
using Scalar.AspNetCore;

namespace Hub.Web.Hosting;

/// <summary>
/// The OpenAPI document of every REST endpoint, public at <c>/openapi/v1.json</c>; its
/// interactive reference at <c>/docs/api</c>; and the live hub's methods and events at
/// <c>/openapi/hub.json</c>.
/// </summary>
public static class OpenApiExtensions
{
    public const string ReferencePath = "/docs/api";

    public static WebApplicationBuilder AddHubOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerScheme>();
            options.AddOperationTransformer<BearerScheme>();
            options.AddDocumentTransformer<OperationalPaths>();
            options.AddDocumentTransformer<ProblemResponses>();
            options.AddOperationTransformer<ProblemResponses>();
        });
        builder.Services.AddSingleton<HubReference>();
        return builder;
    }

    public static WebApplication MapHubOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapGet(HubReference.Path, (HubReference reference) => reference.Content)
            .WithSummary("The live hub's methods (parameters, answer, who may call) and the events it sends, from the code")
            .WithTags(OperationalPaths.Tag);
        // The page's one inline script carries the nonce its Content-Security-Policy allows (SecurityHeaders).
        app.MapScalarApiReference(ReferencePath, (options, http) => options
            .WithTitle("Hub API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .WithNonce(SecurityHeaders.NonceOf(http))
            .DisableDefaultFonts()
            .DisableTelemetry()
            .AddHeaderContent($"<p class=\"hub-reference\">The live hub's methods and events: <a href=\"{HubReference.Path}\">{HubReference.Path}</a></p>"));
        return app;
    }
}
