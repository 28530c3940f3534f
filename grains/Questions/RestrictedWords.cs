namespace Hub.Grains.Questions;

/// <summary>An account's restricted words: a question containing one is refused, whatever its case.</summary>
public static class RestrictedWords
{
    public const int MaxWords = 500;
    public const int MaxWordLength = 50;

    public static string? FirstIn(string text, IEnumerable<string> words) =>
        words.FirstOrDefault(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));
}
