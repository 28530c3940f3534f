using System.Text.RegularExpressions;
using JiebaNet.Segmenter;

namespace Hub.Grains.Questions;

/// <summary>
/// Tells near-duplicate questions apart from different ones, in Chinese and English: jieba
/// segments Chinese into words, Latin text splits on non-letters, and two questions are near
/// duplicates when their word sets overlap enough (Jaccard similarity).
/// </summary>
public static partial class QuestionSimilarity
{
    public const double DuplicateThreshold = 0.6;

    private static readonly Lazy<JiebaSegmenter> Segmenter = new(() =>
    {
        ConfigManager.ConfigFileBaseDir = Path.Combine(AppContext.BaseDirectory, "jieba");
        return new JiebaSegmenter();
    });

    // Words that say nothing about what is asked.
    private static readonly HashSet<string> Filler =
    [
        "的", "了", "吗", "呢", "吧", "啊", "是", "在", "有", "和", "与", "请问", "我", "我们", "你们", "什么", "怎么", "如何", "一下",
        "the", "a", "an", "is", "are", "of", "to", "in", "on", "for", "and", "or", "what", "how", "when", "why", "do", "does", "can", "i", "we", "you",
    ];

    public static IReadOnlySet<string> Words(string text)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match run in Runs().Matches(text.ToLowerInvariant()))
        {
            var pieces = run.Groups["han"].Success ? Segmenter.Value.Cut(run.Value) : [run.Value];
            words.UnionWith(pieces.Where(w => !string.IsNullOrWhiteSpace(w) && !Filler.Contains(w)));
        }
        return words;
    }

    public static double Similarity(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }
        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    public static bool AreNearDuplicates(string a, string b) => Similarity(Words(a), Words(b)) >= DuplicateThreshold;

    [GeneratedRegex(@"(?<han>\p{IsCJKUnifiedIdeographs}+)|[\p{L}\p{Nd}]+")]
    private static partial Regex Runs();
}
