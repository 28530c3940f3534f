using System.Security.Cryptography;
using Hub.Grains.Staff;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Hub.Web.Auth;

/// <summary>Creates the configured first admin at start; in Development without one, a random one.</summary>
public sealed class AdminSeeder(
    IGrainFactory grains,
    IOptions<AdminOptions> options,
    IHostEnvironment environment,
    ILogger<AdminSeeder> logger) : IHostedService
{
    private const string DevelopmentUsername = "admin";
    private const int ConflictAttempts = 5;
    private static readonly TimeSpan ConflictPause = TimeSpan.FromMilliseconds(200);
    private const string PasswordAlphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var (username, password) = (options.Value.Username, options.Value.Password);
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrEmpty(password))
        {
            if (!environment.IsDevelopment())
            {
                logger.LogWarning("No admin is configured (Hub:Admin:Username and Hub:Admin:Password): nobody can create accounts");
                return;
            }
            username = DevelopmentUsername;
            password = RandomNumberGenerator.GetString(PasswordAlphabet, 16);
            logger.LogWarning("Development admin: username {Username}, password {Password} (shown once; set Hub:Admin to choose)", username, password);
        }
        await EnsureAdmin(StaffUsername.Normalize(username), password, cancellationToken);
    }

    /// <summary>
    /// A node that joins while the cluster is still settling can meet a stale copy of the admin's
    /// record (a write conflict); the failed write drops that copy, so trying again reads the stored one.
    /// </summary>
    private async Task EnsureAdmin(string username, string password, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IStaffGrain>(username).EnsureAdmin(password);
                return;
            }
            catch (InconsistentStateException conflict) when (attempt < ConflictAttempts)
            {
                logger.LogInformation("The admin's record changed underneath (attempt {Attempt}): {Reason}; trying again", attempt, conflict.GetType().Name);
                await Task.Delay(ConflictPause * attempt, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
