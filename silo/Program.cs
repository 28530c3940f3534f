using Hub.Grains.Hosting;

// A headless silo: it hosts grains and serves no HTTP. It shares AddHubSilo with the web
// node, so both are configured by the same settings.
var builder = Host.CreateApplicationBuilder(args);
builder.AddHubSilo();
builder.Build().Run();
