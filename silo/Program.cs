using Hub.Grains.Hosting;
using Hub.Realtime.Hosting;
using Hub.Silo.Hosting;

// A headless silo: it hosts grains and serves no HTTP. It shares AddHubSilo with the web
// node, so both are configured by the same settings, and its grains push to clients through
// the Redis backplane like a web node's.
var builder = Host.CreateApplicationBuilder(args);
builder.AddHubSilo();
builder.AddHubPush();
builder.AddHubSiloTelemetry();
builder.Build().Run();
