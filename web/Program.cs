using Hub.Grains.Hosting;
using Hub.Web.Auth;
using Hub.Web.Hosting;

var builder = WebApplication.CreateBuilder(NodeOptions.From(args));

builder.AddHubSilo();
builder.AddHubIdentity();
builder.AddHubRealtime();
builder.AddHubApi();
builder.AddHubPages();
builder.AddHubHttpSecurity();
builder.AddHubLogging();
builder.AddHubTelemetry();

var app = builder.Build();
app.UseHubPipeline();
app.Run();

/// <summary>The web node's entry point; tests start it through WebApplicationFactory.</summary>
public partial class Program;
