using Hub.Web.Hosting.OpenApi;

namespace Hub.Web.Hosting;

/// <summary>The OpenAPI document of every REST endpoint, public at <c>/openapi/v1.json</c>.</summary>
public static class OpenApiExtensions
{
    public static WebApplicationBuilder AddHubOpenApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer<BearerScheme>();
            options.AddOperationTransformer<BearerScheme>();
            options.AddDocumentTransformer<OperationalPaths>();
        });
        return builder;
    }

    public static WebApplication MapHubOpenApi(this WebApplication app)
    {
        app.MapOpenApi();
        return app;
    }
}
