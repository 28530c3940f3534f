using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Metadata;
using Orleans.Serialization.TypeSystem;

namespace Hub.Grains.Hosting;

/// <summary>
/// Remembers each grain interface's Orleans type name. Orleans works it out again on every
/// <c>GetGrain</c>, from the interface's attributes and its formatted .NET name; on the chat's
/// path (a reference per hub call and per indicator report) that was a sixth of the node's
/// allocations. The answer depends on the interface alone, so it is computed once.
/// </summary>
internal sealed class RememberedGrainInterfaceTypes(GrainInterfaceTypeResolver resolver) : IGrainInterfaceTypeProvider
{
    private readonly ConcurrentDictionary<Type, GrainInterfaceType> _known = new();

    public bool TryGetGrainInterfaceType(Type type, out GrainInterfaceType grainInterfaceType)
    {
        grainInterfaceType = _known.GetOrAdd(type, resolver.GetGrainInterfaceType);
        return true;
    }

    /// <summary>Puts the remembering resolver in the place of Orleans' own, which it asks once per interface.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton(provider =>
        {
            var types = provider.GetRequiredService<TypeConverter>();
            var resolver = new GrainInterfaceTypeResolver(provider.GetServices<IGrainInterfaceTypeProvider>(), types);
            return new GrainInterfaceTypeResolver([new RememberedGrainInterfaceTypes(resolver)], types);
        });
}
