namespace Hub.LoadTests.CommandLine;

/// <summary>An option as --help lists it.</summary>
public sealed record OptionSpec(string Name, string Value, string Description);
