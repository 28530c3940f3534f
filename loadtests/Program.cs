using Hub.LoadTests.CommandLine;

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    // The first Ctrl+C stops the load; the run still cleans up its connections.
    press.Cancel = true;
    stop.Cancel();
};
return await LoadTestCommand.Run(args, stop.Token);
