namespace Hub.Grains.Hosting;

/// <summary>Names of the Orleans providers the grains use.</summary>
public static class StorageNames
{
    public const string Grains = "hub";
}
