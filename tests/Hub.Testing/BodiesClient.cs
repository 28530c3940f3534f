using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace Hub.Testing;

/// <summary>Sets up bodies, their accounts and staff through the REST API, with fresh ids.</summary>
public sealed class BodiesClient(HubApi api)
{
    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    public async Task<string> Body(string token, string level, string? parentId, string name = "某人民政府")
    {
        var id = NewId(level[..1]);
        await Ok(await api.Send(HttpMethod.Post, "/api/bodies", token, new { id, name, level, parentId }));
        return id;
    }

    public sealed record Staff(string Username, string UserId, string Token);

    /// <summary>A staff member of the body with roles over it, signed in.</summary>
    public async Task<Staff> Member(string token, string bodyId, params string[] roles)
    {
        var username = NewId("m");
        await Ok(await api.Send(HttpMethod.Post, $"/api/bodies/{bodyId}/members", token,
            new { username, password = HubApi.StaffPassword, displayName = "某单位管理员", roles }));
        var signedIn = await api.SignIn(username, HubApi.StaffPassword);
        return new Staff(username, signedIn.UserId, signedIn.Token);
    }

    public async Task<string> Account(string token, string bodyId, string channel = "wechat", string name = "政务公众号")
    {
        var id = NewId("a");
        await Ok(await api.Send(HttpMethod.Post, $"/api/bodies/{bodyId}/accounts", token, new { id, name, channel, handle = $"gh_{id}" }));
        return id;
    }

    public static async Task<JsonElement> Ok(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return response.StatusCode == System.Net.HttpStatusCode.NoContent ? default : await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
