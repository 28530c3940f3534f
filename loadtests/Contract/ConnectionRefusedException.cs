namespace Hub.LoadTests.Contract;

/// <summary>The hub answered a new connection 503: the node is full or short of memory, and says when to try again.</summary>
public sealed class ConnectionRefusedException(TimeSpan? retryAfter)
    : Exception($"the hub refused the connection (503){(retryAfter is { } wait ? $"; retry after {wait.TotalSeconds:0} s" : "")}")
{
    public TimeSpan? RetryAfter => retryAfter;
}
