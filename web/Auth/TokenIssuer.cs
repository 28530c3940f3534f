using Hub.Realtime.Identity;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Web.Auth;

/// <summary>Signs tokens with the cluster's key and tells the bearer handler how to check them.</summary>
public sealed class TokenIssuer
{
    public const string Issuer = "hub";
    public const string Audience = "hub";

    private readonly JsonWebTokenHandler _handler = new();
    private readonly SigningCredentials _credentials;
    private readonly TimeProvider _time;

    public TokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
    {
        _time = time;
        Key = new SymmetricSecurityKey(Convert.FromBase64String(options.Value.SigningKey!));
        _credentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256);
    }

    public SymmetricSecurityKey Key { get; }

    /// <summary>A signed token for the identity, and when it expires.</summary>
    public (string Token, DateTimeOffset ExpiresAt) Issue(ClaimsIdentity identity, TimeSpan lifetime)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Subject = identity,
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = _credentials,
            // A token of its own even when the same identity is issued twice in one second.
            Claims = new Dictionary<string, object> { [JwtRegisteredClaimNames.Jti] = Guid.NewGuid().ToString("N") },
        });
        return (token, now + lifetime);
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = Key,
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        NameClaimType = HubClaims.Name,
        RoleClaimType = HubClaims.Role,
        ClockSkew = TimeSpan.FromMinutes(1),
    };
}
