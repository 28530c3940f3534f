using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Hub.Web.Tests;

[Collection(HubCollection.Name)]
public sealed class RestTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task A_citizen_gets_a_signed_token_with_the_citizen_role()
    {
        var citizen = await Api.Citizen("王小明");

        Assert.StartsWith("c-", citizen.UserId);
        Assert.Equal(["citizen"], citizen.Roles);
        Assert.Equal(3, citizen.Token.Split('.').Length);
    }

    [Fact]
    public async Task Admins_create_accounts_that_anyone_can_list()
    {
        var admin = await Api.Admin();
        var id = $"gov-{Guid.NewGuid():N}"[..20];

        var created = await Api.Send(HttpMethod.Post, "/api/accounts", admin.Token, new { id, name = "市卫健委", department = "卫生健康" });
        var listed = await Api.Send(HttpMethod.Get, "/api/accounts");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var accounts = await listed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(accounts.EnumerateArray(), a => a.Str("id") == id && a.Str("name") == "市卫健委" && a.Str("department") == "卫生健康");
    }

    [Fact]
    public async Task Staff_sign_in_with_the_password_the_admin_set()
    {
        var account = await Api.Account();
        var staff = await Api.StaffMember(account, "陈新闻官", "press", "agent");

        var signedIn = await Api.SignIn(staff.Username.ToUpperInvariant(), HubApi.StaffPassword);

        Assert.Equal(staff.UserId, signedIn.UserId);
        Assert.Equal(["press", "agent"], signedIn.Roles);
        Assert.Equal([account], signedIn.AccountIds);
        await AssertProblem(HttpStatusCode.Unauthorized,
            Api.Send(HttpMethod.Post, "/api/auth/staff", body: new { username = staff.Username, password = "not-the-password" }));
    }

    [Fact]
    public async Task Bad_requests_get_problem_details_and_change_nothing()
    {
        var admin = (await Api.Admin()).Token;
        var citizen = (await Api.Citizen()).Token;
        var account = await Api.Account();
        var staffBody = new { username = $"dup{Guid.NewGuid():N}"[..16], password = HubApi.StaffPassword, displayName = "x", roles = new[] { "agent" } };
        await Api.Send(HttpMethod.Post, $"/api/accounts/{account}/staff", admin, staffBody);

        await AssertProblem(HttpStatusCode.BadRequest, Api.Send(HttpMethod.Post, "/api/auth/citizen", body: new { displayName = "" }));
        await AssertProblem(HttpStatusCode.Unauthorized, Api.Send(HttpMethod.Post, "/api/accounts", body: new { id = "no-token", name = "x" }));
        await AssertProblem(HttpStatusCode.Unauthorized, Api.Send(HttpMethod.Post, "/api/accounts", admin + "x", new { id = "bad-token", name = "x" }));
        await AssertProblem(HttpStatusCode.Forbidden, Api.Send(HttpMethod.Post, "/api/accounts", citizen, new { id = "citizen-made", name = "x" }));
        await AssertProblem(HttpStatusCode.BadRequest, Api.Send(HttpMethod.Post, "/api/accounts", admin, new { id = "Not Valid", name = "x" }));
        await AssertProblem(HttpStatusCode.Conflict, Api.Send(HttpMethod.Post, "/api/accounts", admin, new { id = account, name = "again" }));
        await AssertProblem(HttpStatusCode.NotFound, Api.Send(HttpMethod.Post, "/api/accounts/no-such-account/staff", admin, staffBody));
        await AssertProblem(HttpStatusCode.Conflict, Api.Send(HttpMethod.Post, $"/api/accounts/{account}/staff", admin, staffBody));
        await AssertProblem(HttpStatusCode.BadRequest, Api.Send(HttpMethod.Post, $"/api/accounts/{account}/staff", admin,
            staffBody with { username = "fresh-user-1", roles = new[] { "citizen" } }));
        await AssertProblem(HttpStatusCode.BadRequest, Api.Send(HttpMethod.Post, $"/api/accounts/{account}/staff", admin,
            staffBody with { username = "fresh-user-2", password = "short" }));

        var accounts = await (await Api.Send(HttpMethod.Get, "/api/accounts")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.DoesNotContain(accounts.EnumerateArray(), a => a.Str("id") is "citizen-made" or "no-token" or "bad-token");
        Assert.Equal("市民服务热线", accounts.EnumerateArray().Single(a => a.Str("id") == account).Str("name"));
    }

    [Fact]
    public async Task Malformed_and_oversized_bodies_are_refused_with_problem_details()
    {
        // Expect: 100-continue lets the node refuse the oversized body before it is sent, as
        // a well-behaved client would; otherwise the refusal races the upload.
        using var http = new HttpClient { BaseAddress = Api.Address, DefaultRequestHeaders = { ExpectContinue = true } };

        var malformed = await http.PostAsync("/api/auth/citizen", new StringContent("{not json", Encoding.UTF8, "application/json"));
        var oversized = await http.PostAsync("/api/auth/citizen",
            new StringContent(JsonSerializer.Serialize(new { displayName = new string('x', 2 * 1024 * 1024) }), Encoding.UTF8, "application/json"));

        await AssertProblem(HttpStatusCode.BadRequest, Task.FromResult(malformed));
        await AssertProblem(HttpStatusCode.RequestEntityTooLarge, Task.FromResult(oversized));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    private static async Task AssertProblem(HttpStatusCode status, Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
    }
}
