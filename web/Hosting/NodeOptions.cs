namespace Hub.Web.Hosting;

/// <summary>
/// How the web node's builder is created. The Run command's launch profile sets
/// DOTNET_ENVIRONMENT=Development, so a developer's node works without setup; WebApplicationBuilder
/// ranks DOTNET_ variables above ASPNETCORE_ ones, so an operator's ASPNETCORE_ENVIRONMENT is
/// handed to it explicitly: when set, it decides the environment.
/// </summary>
public static class NodeOptions
{
    public const string EnvironmentVariable = "ASPNETCORE_ENVIRONMENT";

    public static WebApplicationOptions From(string[] args) => new()
    {
        Args = args,
        EnvironmentName = Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } name ? name : null,
    };
}
