namespace PolicyAssistant.Knowledge.Tests.AnswerQuality;

/// <summary>One line of questions.tsv: a question and the id of the entry that answers it, or none when off-topic.</summary>
public sealed record QualityQuestion(int Line, string Question, string? ExpectedId)
{
    public bool IsOffTopic => ExpectedId is null;
}

public static class QuestionFile
{
    // Spellings the file may use for "no entry should answer this".
    private static readonly string[] OffTopicMarks = ["", "-", "none", "out-of-scope", "out_of_scope", "offtopic", "off-topic", "oos"];

    public static IReadOnlyList<QualityQuestion> Read(string path)
    {
        var questions = new List<QualityQuestion>();
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var columns = line.Split('\t');
            var question = columns[0].Trim();
            var expected = columns.Length > 1 ? columns[1].Trim() : "";
            if (number == 1 && question.Equals("question", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            questions.Add(new QualityQuestion(number, question, OffTopicMarks.Contains(expected.ToLowerInvariant()) ? null : expected));
        }

        return questions;
    }
}
