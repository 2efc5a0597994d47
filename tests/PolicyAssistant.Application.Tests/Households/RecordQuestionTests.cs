using PolicyAssistant.Application.Households;
using PolicyAssistant.Domain.Text;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Households;

/// <summary>
/// The routing table of issue 12: for each topic a household asks about, a question about the policy goes to the
/// knowledge base and a question about the household's own record to the record (behind binding), in Simplified
/// and Traditional characters (record-question-pairs.tsv).
/// </summary>
public sealed class RecordQuestionTests
{
    public static TheoryData<string, string> PolicyQuestions => Column(1);

    public static TheoryData<string, string> OwnRecordQuestions => Column(2);

    [Theory]
    [MemberData(nameof(PolicyQuestions))]
    public void Read_PolicyQuestion_StaysWithTheKnowledgeBase(string script, string question) =>
        Assert.Equal((script, RecordReading.Policy), (script, Reading(question)));

    [Theory]
    [MemberData(nameof(OwnRecordQuestions))]
    public void Read_OwnRecordQuestion_GoesToTheRecord(string script, string question) =>
        Assert.Equal((script, RecordReading.Own), (script, Reading(question)));

    [Theory]
    [InlineData("俺家有家庭医生吗")]
    [InlineData("我娘有慢性病 医生会随访吗")]
    public void Read_HouseholdWithoutAskingForTheRecord_ReadsEitherWay(string question) =>
        Assert.Equal(RecordReading.Either, Reading(question));

    [Fact]
    public void Pairs_CoverBothScripts_AtLeastSixtyPairs()
    {
        var pairs = Pairs().ToList();

        Assert.True(pairs.Count >= 60, $"only {pairs.Count} pairs");
        Assert.Equal(pairs.Count / 2, pairs.Count(p => p.Script == "traditional"));
    }

    private static RecordReading Reading(string question) =>
        RecordQuestion.Classify(IntentText.Compact(TextFolding.Fold(question)))?.Reading ?? RecordReading.Policy;

    private static TheoryData<string, string> Column(int column)
    {
        var data = new TheoryData<string, string>();
        foreach (var pair in Pairs())
        {
            data.Add(pair.Script, column == 1 ? pair.Policy : pair.Own);
        }

        return data;
    }

    private static IEnumerable<(string Script, string Policy, string Own)> Pairs() =>
        File.ReadLines(Path.Combine(RepositoryPaths.Root, "tests", "PolicyAssistant.Application.Tests", "Households", "record-question-pairs.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.StartsWith("script\t", StringComparison.Ordinal))
            .Select(line => line.Split('\t'))
            .Select(columns => (columns[0], columns[1], columns[2]));
}
