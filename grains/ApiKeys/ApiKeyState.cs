namespace Hub.Grains.ApiKeys;

[GenerateSerializer, Alias("hub.api-key-state")]
public sealed class ApiKeyState
{
    [Id(0)] public ApiKey? Key { get; set; }
}

[GenerateSerializer, Alias("hub.api-key-directory-state")]
public sealed class ApiKeyDirectoryState
{
    [Id(0)] public List<string> KeyIds { get; set; } = [];
}
