namespace Hub.Grains.Accounts.Embedding;

[GenerateSerializer, Alias("hub.embedding-state")]
public sealed class EmbeddingState
{
    [Id(0)] public List<string> Origins { get; set; } = [];
}
