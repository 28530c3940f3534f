using System.Security.Cryptography;
using System.Text;
using Hub.LoadTests.CommandLine;

namespace Hub.LoadTests.Agents;

/// <summary>
/// The secret a coordinator and its agents share, sent as a bearer token: an agent with one
/// runs nothing for a caller without it. Taken from --secret, or from HUB_LOAD_SECRET so it
/// stays out of the process list.
/// </summary>
public static class AgentSecret
{
    public const string Variable = "HUB_LOAD_SECRET";

    public static string? From(Arguments arguments) =>
        arguments.Value("--secret") ?? (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } secret ? secret : null);

    /// <summary>Compares in constant time, so the answer's timing tells nothing about the secret.</summary>
    public static bool Matches(string? authorization, string secret)
    {
        const string scheme = "Bearer ";
        var given = authorization is not null && authorization.StartsWith(scheme, StringComparison.Ordinal) ? authorization[scheme.Length..] : "";
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
    }
}
