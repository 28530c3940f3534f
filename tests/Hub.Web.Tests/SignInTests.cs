using System.Net;

namespace Hub.Web.Tests;

/// <summary>Staff sign-in over REST: one answer for every kind of failure, and a growing wait instead of a lock-out.</summary>
[Collection(HubCollection.Name)]
public sealed class SignInTests(HubFixture hub)
{
    private HubApi Api => hub.Api;

    [Fact]
    public async Task Known_and_unknown_usernames_get_the_same_answers_and_then_a_wait()
    {
        var known = await Api.StaffMember(await Api.Account(), "签到测试", "agent");
        var unknown = $"nobody{Guid.NewGuid():N}"[..20];

        foreach (var username in new[] { known.Username, unknown })
        {
            var answers = new List<HttpResponseMessage>();
            for (var i = 0; i < 4; i++)
            {
                answers.Add(await Api.Send(HttpMethod.Post, "/api/auth/staff", null, new { username, password = "not-the-password" }));
            }

            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429],
                answers.Select(a => a.StatusCode));
            Assert.Equal(TimeSpan.FromSeconds(1), answers[3].Headers.RetryAfter?.Delta);
            Assert.Equal("application/problem+json", answers[0].Content.Headers.ContentType?.MediaType);
        }
    }
}
