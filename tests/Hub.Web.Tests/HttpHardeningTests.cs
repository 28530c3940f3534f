using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Web.Tests;

/// <summary>
/// Every answer carries the browser security headers and no Server header; a body that cannot
/// be read answers 400 problem+json in every environment, without quoting it, and changes nothing.
/// </summary>
[Collection(HubCollection.Name)]
public sealed partial class HttpHardeningTests(HubFixture hub, ProxiedNode proxied) : IClassFixture<ProxiedNode>
{
    private const string Marker = "QUOTE-ME-NOT";

    [Theory]
    [InlineData("/")]
    [InlineData("/citizen.html")]
    [InlineData("/css/site.css")]
    [InlineData("/api/accounts")]
    [InlineData("/api/events/no-such-event")]
    [InlineData("/no-such-page")]
    public async Task Pages_rest_answers_errors_and_files_carry_the_security_headers(string path)
    {
        using var http = new HttpClient { BaseAddress = hub.Api.Address };

        var response = await http.GetAsync(path);

        var host = hub.Api.Address.Authority;
        var policy = Header(response, "Content-Security-Policy");
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("style-src 'self';", policy);
        Assert.Contains($"connect-src 'self' ws://{host} wss://{host};", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.DoesNotContain("unsafe", policy);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.False(response.Headers.Contains("Server"));
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task No_page_has_inline_script_style_or_event_handler_that_the_policy_would_block()
    {
        using var http = new HttpClient { BaseAddress = hub.Api.Address };
        var pages = hub.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText?.TrimStart('/'))
            .Distinct()
            .ToList();

        Assert.Contains("/citizen.html", pages);
        foreach (var page in pages)
        {
            // As the browser gets it: the layout and the page's own markup together.
            var html = await http.GetStringAsync(page);
            Assert.DoesNotMatch(InlineScript(), html);
            Assert.DoesNotMatch(InlineStyleOrHandler(), html);
        }
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Unreadable_bodies_answer_400_problem_json_and_change_nothing(string environment)
    {
        await using var node = new HubAppFactory(new Dictionary<string, string> { ["environment"] = environment });
        var api = new HubApi(node.Address);
        var admin = (await api.Admin()).Token;
        var accountId = $"acc-{Guid.NewGuid():N}"[..24];
        (string Path, string? Body, string ContentType)[] unreadable =
        [
            ("/api/auth/citizen", $"{{\"displayName\": \"{Marker}", "application/json"),
            ("/api/auth/citizen", $"{{\"displayName\": {{\"{Marker}\": 1}}}}", "application/json"),
            ("/api/auth/citizen", $"[\"{Marker}\"]", "application/json"),
            ("/api/auth/citizen", null, "application/json"),
            ("/api/auth/citizen", $"displayName={Marker}", "text/plain"),
            ("/api/auth/staff", $"{{\"username\": 42, \"password\": \"{Marker}\"}}", "application/json"),
            ("/api/accounts", $"{{\"id\": \"{accountId}\", \"name\": \"{Marker}\", \"department\": 5}}", "application/json"),
            ("/api/events", $"{{\"accountId\": \"{accountId}\", \"kind\": \"incident\", \"title\": \"{Marker}\", \"severity\": \"high\"}}", "application/json"),
        ];

        foreach (var (path, body, contentType) in unreadable)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", admin);
            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8, contentType);
            }
            using var http = new HttpClient { BaseAddress = node.Address };

            var response = await http.SendAsync(request);

            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{path} {body}: {(int)response.StatusCode} {text}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonDocument.Parse(text).RootElement;
            Assert.Equal("bad_request", problem.Str("title"));
            Assert.False(string.IsNullOrWhiteSpace(problem.Str("detail")));
            Assert.DoesNotContain(Marker, text);
            Assert.NotNull(Header(response, "Content-Security-Policy"));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await api.Send(HttpMethod.Get, $"/api/accounts/{accountId}")).StatusCode);
    }

    [Fact]
    public async Task Hsts_is_sent_on_https_requests_as_a_configured_proxy_reports_them()
    {
        var plain = await proxied.Send(Get("http"));
        var secure = await proxied.Send(Get("https"));

        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.Contains("max-age=", Header(secure, "Strict-Transport-Security"));
        Assert.Contains($"frame-ancestors {ProxiedNode.FramingSite}", Header(secure, "Content-Security-Policy"));
        Assert.Contains("connect-src 'self' ws://hub.example.gov.cn wss://hub.example.gov.cn;", Header(secure, "Content-Security-Policy"));

        static HttpRequestMessage Get(string scheme)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/accounts");
            request.Headers.Host = "hub.example.gov.cn";
            request.Headers.Add("X-Forwarded-For", ProxiedNode.FreshAddress());
            request.Headers.Add("X-Forwarded-Proto", scheme);
            return request;
        }
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"no {name} header on {response.RequestMessage?.RequestUri}");

    /// <summary>A script element with a body rather than a src.</summary>
    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<style[\s>]|<[^>]+\s(style|on[a-z]+)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineStyleOrHandler();
}
