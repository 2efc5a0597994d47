namespace PolicyAssistant.Testing;

/// <summary>
/// One line of a question file: a question and the ids of the entries that answer it (more than one when entries
/// answer it equally well), none when off-topic.
/// </summary>
public sealed record QualityQuestion(string File, int Line, string Question, IReadOnlyList<string> ExpectedIds)
{
    public bool IsOffTopic => ExpectedIds.Count == 0;

    public string Expected => string.Join('|', ExpectedIds);

    public bool IsAnsweredBy(string? entryId) => entryId is not null && ExpectedIds.Contains(entryId);
}

/// <summary>
/// Reads a question file: a header <c>expected_id	question</c>, then one question a line; <c>-</c> marks off-topic and
/// <c>a|b</c> a question either entry answers.
/// </summary>
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
            var ids = id == OffTopicMark ? [] : id.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            questions.Add(new QualityQuestion(Path.GetFileName(path), i + 1, columns[questionColumn].Trim(), ids));
        }

        return questions;
    }
}
