using System.Security.Cryptography;
using Hub.Grains.Staff;
using Microsoft.Extensions.Options;

namespace Hub.Web.Auth;

/// <summary>Creates the configured first admin at start; in Development without one, a random one.</summary>
public sealed class AdminSeeder(
    IGrainFactory grains,
    IOptions<AdminOptions> options,
    IHostEnvironment environment,
    ILogger<AdminSeeder> logger) : IHostedService
{
    private const string DevelopmentUsername = "admin";
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
        await grains.GetGrain<IStaffGrain>(StaffUsername.Normalize(username)).EnsureAdmin(password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
