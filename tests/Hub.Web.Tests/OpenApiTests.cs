using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests;

/// <summary>The OpenAPI document is public and describes every REST endpoint the node serves.</summary>
[Collection(HubCollection.Name)]
public sealed class OpenApiTests(HubFixture hub)
{
    [Fact]
    public async Task The_document_is_public_and_lists_every_rest_path_and_verb()
    {
        var response = await hub.Api.Send(HttpMethod.Get, "/openapi/v1.json");
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();
        var served = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HubMetadata>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(v => $"{v} {Normalized(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {Normalized(p.Name)}"))
            .ToHashSet();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(served.Order(), described.Order());
    }

    [Fact]
    public async Task The_bearer_scheme_is_described_and_required_where_a_token_is()
    {
        var document = await (await hub.Api.Send(HttpMethod.Get, "/openapi/v1.json")).Content.ReadFromJsonAsync<JsonElement>();
        var paths = document.GetProperty("paths");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("bearer", scheme.Str("scheme"));
        Assert.True(paths.GetProperty("/api/staff/{userId}").GetProperty("get").TryGetProperty("security", out _));
        Assert.False(paths.GetProperty("/api/events/{eventId}").GetProperty("get").TryGetProperty("security", out _));
    }

    /// <summary>Paths compared without a trailing slash, which route groups leave on some patterns.</summary>
    private static string Normalized(string path) => path.Length > 1 ? path.TrimEnd('/') : path;
}
