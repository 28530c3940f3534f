using Hub.Grains.Common;
using Npgsql;

namespace Hub.Grains.Hosting.Postgres;

public static class Unreachable
{
    /// <summary>A database that cannot be reached is told to the caller as unavailable, so a client tries again.</summary>
    public static async Task<T> AsUnavailable<T>(this Task<T> work, string what)
    {
        try
        {
            return await work;
        }
        catch (NpgsqlException)
        {
            throw RuleViolation.Unavailable($"{what} is unreachable; try again");
        }
    }
}
