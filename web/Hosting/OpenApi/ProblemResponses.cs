using Hub.Grains.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hub.Web.Hosting.OpenApi;

/// <summary>
/// Every operation's error answers as the contract gives them: <c>application/problem+json</c>
/// with one shared schema and an example, for 400 and 429 everywhere, 401 and 403 where a
/// token is needed, 404 where the path names something, and 503 when a store is unreachable.
/// </summary>
public sealed class ProblemResponses : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemaName = "Problem";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[SchemaName] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details; title is the contract's error code (bad_request, forbidden, ...), detail says what was wrong.",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["title"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer },
                ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String },
                ["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String },
            },
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.Description.ActionDescriptor.EndpointMetadata;
        var answers = new List<(HubErrorCode Code, string Example)> { (HubErrorCode.BadRequest, "text must not be empty") };
        if (BearerScheme.Requires(endpoint))
        {
            answers.Add((HubErrorCode.Unauthorized, "a valid token is required"));
            answers.Add((HubErrorCode.Forbidden, "only admins may do this"));
        }
        if (context.Description.RelativePath?.Contains('{') == true)
        {
            answers.Add((HubErrorCode.NotFound, "no such account"));
        }
        answers.Add((HubErrorCode.RateLimited, "too many requests; try again later"));
        answers.Add((HubErrorCode.Unavailable, "a store is unreachable; retrying later is safe"));

        operation.Responses ??= [];
        foreach (var (code, example) in answers)
        {
            var status = code.HttpStatus().ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(status))
            {
                operation.Responses[status] = Response(code, example, context.Document!);
            }
        }
        return Task.CompletedTask;
    }

    private static OpenApiResponse Response(HubErrorCode code, string example, OpenApiDocument document) => new()
    {
        Description = code.Prefix(),
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new()
            {
                Schema = new OpenApiSchemaReference(SchemaName, document),
                Example = System.Text.Json.JsonSerializer.SerializeToNode(new ProblemDetails
                {
                    Title = code.Prefix(),
                    Status = code.HttpStatus(),
                    Detail = example,
                }),
            },
        },
    };
}
