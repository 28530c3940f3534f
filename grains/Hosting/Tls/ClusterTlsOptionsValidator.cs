using Microsoft.Extensions.Options;

namespace Hub.Grains.Hosting.Tls;

/// <summary>Refuses to start with TLS settings whose files are missing or unreadable, naming the setting.</summary>
public sealed class ClusterTlsOptionsValidator : IValidateOptions<ClusterTlsOptions>
{
    public ValidateOptionsResult Validate(string? name, ClusterTlsOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }
        try
        {
            ClusterCertificates.Load(options);
            return ValidateOptionsResult.Success;
        }
        catch (InvalidOperationException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
