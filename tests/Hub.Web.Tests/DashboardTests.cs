using System.Net;
using Hub.Web.Auth;
using Hub.Web.Hosting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests;

/// <summary>
/// The Orleans dashboard is for admins alone: every one of its endpoints asks for the admin
/// policy, and a browser reaches it with the cookie an admin's token buys, which opens
/// nothing else.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class DashboardTests(HubFixture hub)
{
    private const string Page = DashboardExtensions.Path + "/";

    [Fact]
    public void Every_dashboard_endpoint_asks_for_an_admin()
    {
        var endpoints = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith(DashboardExtensions.Path, StringComparison.Ordinal) == true)
            .ToList();

        Assert.NotEmpty(endpoints);
        Assert.All(endpoints, e => Assert.Contains(e.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Policy == IdentityExtensions.AdminPolicy));
    }

    [Fact]
    public async Task Anonymous_callers_and_citizens_are_refused()
    {
        var citizen = await hub.Api.Citizen("仪表板市民");

        var anonymous = await hub.Api.Send(HttpMethod.Get, Page);
        var asCitizen = await hub.Api.Send(HttpMethod.Get, Page, citizen.Token);
        var citizenSession = await hub.Api.Send(HttpMethod.Post, DashboardExtensions.SessionPath, citizen.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, asCitizen.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, citizenSession.StatusCode);
        Assert.False(citizenSession.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_admins_cookie_opens_the_dashboard_and_nothing_else()
    {
        var admin = await hub.Api.Admin();
        var session = await hub.Api.Send(HttpMethod.Post, DashboardExtensions.SessionPath, admin.Token);
        var cookie = Assert.Single(session.Headers.GetValues("Set-Cookie"));
        using var browser = new HttpClient { BaseAddress = hub.Api.Address };

        var dashboard = await browser.SendAsync(WithCookie(Page, cookie));
        var staffList = await browser.SendAsync(WithCookie("/api/staff", cookie));

        Assert.Equal(HttpStatusCode.OK, session.StatusCode);
        Assert.Contains($"path={DashboardExtensions.Path}", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("Orleans", await dashboard.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, staffList.StatusCode);
    }

    private static HttpRequestMessage WithCookie(string path, string setCookie) =>
        new(HttpMethod.Get, path) { Headers = { { "Cookie", setCookie.Split(';')[0] } } };
}
