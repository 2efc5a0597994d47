using PolicyAssistant.Domain.Text;

namespace PolicyAssistant.Knowledge.Answers;

/// <summary>
/// Finds a word of the neighbouring programmes households also ask about (低保, 危房改造, 养老保险, 贷款…) and
/// everyday matters (话费, 天气): such a question shares a frame with our entries' questions (咋申请, 啥时候下来) but
/// not their subject. It is one piece of evidence for the confidence model, which weighs it against the rest, so
/// 低保户住院能兜底不 can still be answered.
/// </summary>
internal static class OtherProgrammes
{
    private static readonly Lazy<IReadOnlyList<string>> Words = new(() => EmbeddedWordList.Read("PolicyAssistant.Knowledge.Answers.other-programmes.txt"));

    /// <param name="foldedQuestion">The question after <see cref="TextFolding.Fold(string)"/>.</param>
    public static bool Mentioned(string foldedQuestion) => Words.Value.Any(word => foldedQuestion.Contains(word, StringComparison.Ordinal));
}
