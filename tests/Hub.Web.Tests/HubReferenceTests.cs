using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using Hub.Grains.Push;
using Hub.Realtime.Hubs;

namespace Hub.Web.Tests;

/// <summary>
/// The live hub's reference at /openapi/hub.json documents every method a client may call and
/// every event the hub sends; a method without a doc comment, or an event without its
/// description, fails here.
/// </summary>
[Collection(HubCollection.Name)]
public sealed class HubReferenceTests(HubFixture hub)
{
    [Fact]
    public async Task Every_public_hub_method_is_documented_with_its_parameters_and_roles()
    {
        var reference = await Reference();
        var described = reference.GetProperty("methods").EnumerateArray().ToDictionary(m => m.Str("name")!);
        var callable = typeof(LiveHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(LiveHub));

        Assert.All(callable, method =>
        {
            Assert.True(described.TryGetValue(method.Name, out var entry), $"{method.Name} is missing from the reference");
            Assert.False(string.IsNullOrWhiteSpace(entry.Str("summary")), $"{method.Name} has no <summary>");
            Assert.False(string.IsNullOrWhiteSpace(entry.Str("roles")), $"{method.Name} has no <roles>");
            Assert.Equal(method.GetParameters().Select(p => p.Name), entry.GetProperty("parameters").EnumerateArray().Select(p => p.Str("name")));
        });
        var send = described["SendMessage"];
        Assert.Equal(["string", "string", "string"], send.GetProperty("parameters").EnumerateArray().Select(p => p.Str("type")));
        Assert.Equal("SendResult", send.Str("returns"));
        Assert.Equal("ChatMessage[]", described["GetHistory"].Str("returns"));
    }

    [Fact]
    public async Task Every_client_event_is_documented_with_its_payload()
    {
        var reference = await Reference();
        var described = reference.GetProperty("events").EnumerateArray().ToDictionary(e => e.Str("name")!);
        var names = typeof(ClientEvents).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        Assert.All(names, name =>
        {
            Assert.True(described.TryGetValue(name, out var entry), $"{name} is missing from the reference");
            Assert.False(string.IsNullOrWhiteSpace(entry.Str("summary")), $"{name} has no description");
            Assert.False(string.IsNullOrWhiteSpace(entry.Str("payload")), $"{name} has no payload type");
        });
        var message = described["message"];
        Assert.Equal("ChatMessage", message.Str("payload"));
        Assert.Contains("seq", message.GetProperty("fields").EnumerateArray().Select(f => f.Str("name")));
    }

    [Fact]
    public async Task The_interactive_reference_runs_its_script_by_nonce_and_links_the_hub_reference()
    {
        var response = await hub.Api.Send(HttpMethod.Get, "/docs/api/");
        var page = await response.Content.ReadAsStringAsync();
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        var nonce = System.Text.RegularExpressions.Regex.Match(policy, "'nonce-([^']+)'").Groups[1].Value;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty(nonce);
        Assert.Contains($"nonce=\"{nonce}\"", page);
        Assert.Contains("openapi/v1.json", page);
        Assert.Contains("href=\"/openapi/hub.json\"", page);
        Assert.DoesNotContain("unsafe-inline", ScriptSources(policy));
        var other = await hub.Api.Send(HttpMethod.Get, "/citizen.html");
        Assert.DoesNotContain("nonce-", string.Join(' ', other.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task Errors_are_described_as_problem_json_with_an_example()
    {
        var document = await (await hub.Api.Send(HttpMethod.Get, "/openapi/v1.json")).Content.ReadFromJsonAsync<JsonElement>();
        var responses = document.GetProperty("paths").GetProperty("/api/staff/{userId}").GetProperty("patch").GetProperty("responses");

        foreach (var status in new[] { "400", "401", "403", "404", "429", "503" })
        {
            var problem = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json");
            Assert.Equal("#/components/schemas/Problem", problem.GetProperty("schema").Str("$ref"));
            Assert.Equal(int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), problem.GetProperty("example").GetProperty("status").GetInt32());
        }
        Assert.False(document.GetProperty("paths").GetProperty("/api/events/{eventId}").GetProperty("get").GetProperty("responses").TryGetProperty("401", out _));
    }

    private async Task<JsonElement> Reference()
    {
        var response = await hub.Api.Send(HttpMethod.Get, "/openapi/hub.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string ScriptSources(string policy) =>
        policy.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal)) ?? "";
}
