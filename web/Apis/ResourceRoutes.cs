namespace Hub.Web.Apis;

/// <summary>
/// The routes of one REST resource: one path prefix, one OpenAPI tag, and two ways in: open to
/// anyone (reads of public data) or for a signed-in caller, whose rights the grains then check.
/// </summary>
public sealed record ResourceRoutes(RouteGroupBuilder Open, RouteGroupBuilder SignedIn);

public static class ResourceRoutesExtensions
{
    public static ResourceRoutes MapResource(this IEndpointRouteBuilder app, string prefix, string tag) =>
        new(app.MapGroup(prefix).WithTags(tag), app.MapGroup(prefix).WithTags(tag).RequireAuthorization());
}
