namespace PolicyAssistant.Knowledge.Tests.AnswerQuality;

/// <summary>One line of questions.tsv: a question and the id of the entry that answers it, or none when off-topic.</summary>
public sealed record QualityQuestion(int Line, string Question, string? ExpectedId)
{
    public bool IsOffTopic => ExpectedId is null;
}

/// <summary>Reads questions.tsv: a header <c>expected_id	question</c>, then one question a line; <c>-</c> marks off-topic.</summary>
public static class QuestionFile
{
    private const string OffTopicMark = "-";

    public static IReadOnlyList<QualityQuestion> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split('\t');
        var idColumn = Array.IndexOf(header, "expected_id");
        var questionColumn = Array.IndexOf(header, "question");
        if (idColumn < 0 || questionColumn < 0)
        {
            throw new InvalidDataException($"{path}: the header must name the columns expected_id and question");
        }

        var questions = new List<QualityQuestion>();
        for (var i = 1; i < lines.Length; i++)
        {
            var columns = lines[i].Split('\t');
            if (lines[i].Trim().Length == 0 || lines[i].StartsWith('#') || columns.Length <= Math.Max(idColumn, questionColumn))
            {
                continue;
            }

            var id = columns[idColumn].Trim();
            questions.Add(new QualityQuestion(i + 1, columns[questionColumn].Trim(), id == OffTopicMark ? null : id));
        }

        return questions;
    }
}
