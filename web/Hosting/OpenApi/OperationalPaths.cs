using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.SignalR;
using Microsoft.OpenApi;

namespace Hub.Web.Hosting.OpenApi;

/// <summary>
/// Health checks and the metrics scrape are middleware endpoints the API explorer does not
/// describe; they are added here from the node's routes, so the document names every REST
/// path an operator or a client may call. The SignalR hub is not REST and is left out.
/// </summary>
public sealed class OperationalPaths(EndpointDataSource endpoints) : IOpenApiDocumentTransformer
{
    public const string Tag = "Operations";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Paths ??= [];
        var undescribed = endpoints.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } path && !document.Paths.ContainsKey(path))
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is null && e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is not { Count: 0 });
        foreach (var endpoint in undescribed)
        {
            var path = new OpenApiPathItem { Operations = [] };
            foreach (var method in endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get])
            {
                path.Operations[HttpMethod.Parse(method)] = Operation(endpoint, document);
            }
            document.Paths[endpoint.RoutePattern.RawText!] = path;
        }
        return Task.CompletedTask;
    }

    private static OpenApiOperation Operation(RouteEndpoint endpoint, OpenApiDocument document)
    {
        var operation = new OpenApiOperation
        {
            Summary = endpoint.DisplayName,
            Tags = new HashSet<OpenApiTagReference> { new(Tag, document) },
            Responses = new OpenApiResponses { ["200"] = new OpenApiResponse { Description = "OK" } },
        };
        if (BearerScheme.Requires(endpoint.Metadata))
        {
            BearerScheme.Require(operation, document);
        }
        return operation;
    }
}
