using Hub.LoadTests;

if (ChatExchangeOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine(ChatExchangeOptions.Usage);
    return 2;
}

var result = await ChatExchange.Run(options);
Console.WriteLine($"sent {result.Sent}, lost {result.Lost}, duplicated {result.Duplicated}");
Console.WriteLine($"acknowledged: {result.Acknowledged}");
Console.WriteLine($"echoed by the agent: {result.Echoed}");
return result.Lost == 0 && result.Duplicated == 0 ? 0 : 1;
