using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Web.Hosting.OpenApi;

/// <summary>
/// Describes the hub's bearer tokens in the document, and marks each operation that needs one
/// (its endpoint asks for authorization) with the scheme.
/// </summary>
public sealed class BearerScheme : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Name = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[Name] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "The token from POST /api/auth/citizen or POST /api/auth/staff, as Authorization: Bearer TOKEN.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (Requires(context.Description.ActionDescriptor.EndpointMetadata))
        {
            Require(operation, context.Document!);
        }
        return Task.CompletedTask;
    }

    public static bool Requires(IEnumerable<object> endpointMetadata)
    {
        var metadata = endpointMetadata.ToList();
        return metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
    }

    public static void Require(OpenApiOperation operation, OpenApiDocument document)
    {
        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Name, document)] = [] });
    }
}
