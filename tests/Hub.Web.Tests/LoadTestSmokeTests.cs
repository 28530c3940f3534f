using Hub.LoadTests;

namespace Hub.Web.Tests;

/// <summary>The load-test chat exchange runs against a real node: this checks the pipeline, not performance.</summary>
[Collection(HubCollection.Name)]
public sealed class LoadTestSmokeTests(HubFixture hub)
{
    [Fact]
    public async Task The_chat_exchange_delivers_every_message_once()
    {
        var options = new ChatExchangeOptions(hub.Api.Address, HubAppFactory.AdminUsername, HubAppFactory.AdminPassword, Messages: 20);

        var result = await ChatExchange.Run(options);

        Assert.Equal((20, 0, 0), (result.Sent, result.Lost, result.Duplicated));
    }
}
