using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Web.Tests;

/// <summary>Checks a REST refusal: its status, problem+json, and the contract's code as the title.</summary>
public static class Problems
{
    public static async Task Expect(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.Str("title"));
    }
}
