using System.Security.Cryptography;
using Hub.Grains.Common;
using Hub.Realtime.Identity;
using Hub.Web.Auth.ApiKeys;
using Hub.Web.Hosting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;

namespace Hub.Web.Auth;

public static class IdentityExtensions
{
    public const string AdminPolicy = "admin";

    /// <summary>Signed bearer tokens for REST and the hub, role policies, and the first admin.</summary>
    public static WebApplicationBuilder AddHubIdentity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection(AuthOptions.Section))
            .PostConfigure<IHostEnvironment>((options, environment) =>
            {
                // A per-process key keeps a developer's single node running without setup;
                // tokens then die with the process, which is what Development wants.
                if (string.IsNullOrEmpty(options.SigningKey) && environment.IsDevelopment())
                {
                    options.SigningKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(AuthOptions.MinKeyBytes));
                }
            })
            .Validate(options => IsStrongKey(options.SigningKey),
                $"Hub:Auth:SigningKey must be base64 of at least {AuthOptions.MinKeyBytes} bytes; it is required outside Development")
            .ValidateOnStart();
        builder.Services.AddOptions<AdminOptions>().Bind(builder.Configuration.GetSection(AdminOptions.Section));
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddSingleton<StaffStamps>();
        builder.Services.AddSingleton<StaffSessions>();
        builder.Services.AddHostedService<StaffSessionMonitor>();

        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TokenIssuer>((jwt, issuer) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = issuer.ValidationParameters();
                jwt.Events = new JwtBearerEvents { OnMessageReceived = ReadTokenFromQueryOrCookie, OnTokenValidated = RefuseRevokedStaff };
            });

        builder.Services.AddSingleton<IAuthorizationHandler, TokenIfPresentedRequirement>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AdminPolicy, policy => policy.RequireRole(Roles.Admin))
            .AddPolicy(TokenIfPresentedRequirement.Policy, policy => policy.AddRequirements(new TokenIfPresentedRequirement()));

        builder.Services.AddHostedService<AdminSeeder>();
        builder.AddHubApiKeys();
        return builder;
    }

    /// <summary>
    /// Browsers cannot set headers on WebSockets, so the hub also takes the token from the
    /// query; nor on the pages of the Orleans dashboard, which take it from their cookie.
    /// </summary>
    private static Task ReadTokenFromQueryOrCookie(MessageReceivedContext context)
    {
        var request = context.HttpContext.Request;
        var token = request.Query["access_token"];
        if (!string.IsNullOrEmpty(token) && request.Path.StartsWithSegments("/hub"))
        {
            context.Token = token;
        }
        else if (string.IsNullOrEmpty(request.Headers.Authorization) && DashboardExtensions.TokenFromCookie(request) is { } cookie)
        {
            context.Token = cookie;
        }
        return Task.CompletedTask;
    }

    /// <summary>
    /// A staff token is accepted only while its stamp is the member's current one: disabling a
    /// member, or changing their roles or password, ends every token issued before.
    /// </summary>
    private static async Task RefuseRevokedStaff(TokenValidatedContext context)
    {
        var principal = context.Principal;
        if (principal.StaffStamp() is { } staff)
        {
            var stamps = context.HttpContext.RequestServices.GetRequiredService<StaffStamps>();
            if (!await stamps.IsCurrent(staff.Username, staff.Stamp))
            {
                context.Fail("this sign-in is no longer accepted");
            }
        }
        else if (principal?.FindAll(HubClaims.Role).Any(r => r.Value != Roles.Citizen) == true)
        {
            context.Fail("a staff token without a stamp is no longer accepted");
        }
    }

    private static bool IsStrongKey(string? key)
    {
        if (string.IsNullOrEmpty(key))
        {
            return false;
        }
        var bytes = new byte[key.Length];
        return Convert.TryFromBase64String(key, bytes, out var length) && length >= AuthOptions.MinKeyBytes;
    }
}
