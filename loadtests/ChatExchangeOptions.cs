namespace Hub.LoadTests;

/// <summary>What to point the chat exchange at, read from the command line.</summary>
public sealed record ChatExchangeOptions(Uri Target, string AdminUser, string AdminPassword, int Messages)
{
    public const string Usage =
        "usage: dotnet run --project loadtests -- chat --target http://HOST:PORT --admin-user U --admin-pass P [--messages N]";

    public static ChatExchangeOptions? Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "chat")
        {
            return null;
        }
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            values[args[i]] = args[i + 1];
        }
        if (!values.TryGetValue("--target", out var target) || !Uri.TryCreate(target, UriKind.Absolute, out var uri)
            || !values.TryGetValue("--admin-user", out var user) || !values.TryGetValue("--admin-pass", out var password))
        {
            return null;
        }
        var messages = values.TryGetValue("--messages", out var count) && int.TryParse(count, out var n) && n > 0 ? n : 100;
        return new ChatExchangeOptions(uri, user, password, messages);
    }
}
