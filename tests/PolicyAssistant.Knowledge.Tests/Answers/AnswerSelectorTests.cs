using PolicyAssistant.Domain.Text;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Search;
using PolicyAssistant.Knowledge.Tests.Support;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Knowledge.Tests.Answers;

public sealed class AnswerSelectorTests : IDisposable
{
    private static readonly AnswerContext Anywhere = new(null, new DateOnly(2025, 1, 1));

    private readonly KnowledgeIndex _index = new(TestVocabulary.Create());
    private readonly AnswerSelector _selector;

    public AnswerSelectorTests()
    {
        _index.Rebuild(TestEntries.All());
        _selector = new AnswerSelector(_index, new AnswerOptions());
    }

    [Theory]
    [InlineData("住院要交押金吗", "treat-first-pay-later")]
    [InlineData("大病保险起付线是多少", "critical-illness-deductible")]
    [InlineData("兜底保障是啥意思", "safety-net")]
    [InlineData("你好", "greeting")]
    public void Select_QuestionAnEntryAnswers_AnswersWithItFirst(string question, string expectedId)
    {
        var answer = _selector.Select(question, Anywhere);
        Assert.Equal((true, expectedId), (answer.Kind is AnswerKind.Confident or AnswerKind.EitherOfTwo, answer.Entry?.Id));
    }

    [Fact]
    public void Select_TraditionalQuestion_FindsTheEntryFirst() =>
        Assert.Equal("treat-first-pay-later", _selector.Select("住院預交金要交嗎", Anywhere).Entry?.Id);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("？？？。。。")]
    [InlineData("😀😀")]
    [InlineData("吗")]
    [InlineData("请问一下")]
    public void Select_NothingMeaningful_IsEmpty(string question) =>
        Assert.Equal(AnswerKind.Empty, _selector.Select(question, Anywhere).Kind);

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("红烧肉怎么做")]
    [InlineData("北京的医保怎么报销")]
    [InlineData("廣東的住院押金要交嗎")]
    public void Select_OtherPlaceOrNoDomainTerm_IsOutOfScope(string question) =>
        Assert.Equal(AnswerKind.OutOfScope, _selector.Select(question, Anywhere).Kind);

    [Theory]
    [InlineData("在北京住院要交押金吗")]
    [InlineData("去上海打工住院要交押金吗")]
    public void Select_OtherPlaceAsWhereItHappened_IsAnswered(string question) =>
        Assert.Equal("treat-first-pay-later", _selector.Select(question, Anywhere).Entry?.Id);

    [Fact]
    public void Select_HomePlace_IsNotOutOfScope()
    {
        var guangxi = new AnswerSelector(_index, new AnswerOptions { HomePlaces = ["广西"] });
        Assert.NotEqual(AnswerKind.OutOfScope, guangxi.Select("广西的住院押金要交吗", Anywhere).Kind);
    }

    [Fact]
    public void Select_PartlyMatchingQuestion_IsUncertainWithCandidates()
    {
        var answer = _selector.Select("住院押金退休工资养老金贷款", Anywhere);
        Assert.Equal(AnswerKind.Uncertain, answer.Kind);
        Assert.NotEmpty(answer.Candidates);
    }

    [Theory]
    [InlineData("住院要交押金吗")]
    [InlineData("住院要交押金吗？")]
    [InlineData("住院要交押金嗎")]
    public void Select_AQuestionWrittenForAnEntry_AskedAsWritten_IsConfidentWhateverTheThreshold(string question)
    {
        var strict = new AnswerSelector(_index, new AnswerOptions { ConfidentThreshold = 1.01 });

        var answer = strict.Select(question, Anywhere);

        Assert.Equal((AnswerKind.Confident, "treat-first-pay-later"), (answer.Kind, answer.Entry?.Id));
    }

    [Fact]
    public void Select_MenuUnderAPolicyQuestion_OffersNoSmallTalk()
    {
        var strict = new AnswerSelector(_index, new AnswerOptions { ConfidentThreshold = 1.01, CandidateCount = 8 });

        var answer = strict.Select("在吗 住院押金交不交", Anywhere);

        Assert.DoesNotContain(answer.Candidates, candidate => candidate.Entry.Kind == EntryKind.SmallTalk);
    }

    [Fact]
    public void Weigh_QuestionCloseToOneWrittenForTheEntry_CountsAsSecondOpinionAndCloseness()
    {
        var features = _selector.Weigh(TextFolding.Fold("住院要交押金不"), Anywhere)!.Features;

        Assert.Equal(1, features[7]);
        Assert.True(features[8] > 0.5, $"closeness over other entries {features[8]:F2}");
    }

    [Fact]
    public void Weigh_BestTwoInOneTrackWithoutASharedTag_CountAsSiblings()
    {
        using var index = new KnowledgeIndex(TestVocabulary.Create());
        var deposit = TestEntries.Deposit();
        var deductible = TestEntries.Deductible();
        deposit.Track = deductible.Track = Track.SeriousIllness;
        index.Rebuild([deposit, deductible]);

        var features = new AnswerSelector(index, new AnswerOptions()).Weigh(TextFolding.Fold("大病保险起付线 住院押金"), Anywhere)!.EitherOfTwoFeatures;

        Assert.Equal(1, features[^1]);
    }

    [Fact]
    public void Weigh_QuestionNamingNoPlace_RanksTheGeneralRuleOverACountysVersion()
    {
        using var index = GeneralRuleAndLuzhaisVersion();

        var ranked = new AnswerSelector(index, new AnswerOptions()).Weigh(TextFolding.Fold("住院兜底保障到底是啥"), Anywhere)!.Entries;

        Assert.Equal(("safety-net", false, true), (ranked[0].Hit.Entry.Id, ranked[0].FromElsewhere, ranked[1].FromElsewhere));
    }

    [Fact]
    public void Weigh_QuestionNamingTheCountysPlace_DoesNotHoldItsVersionBack()
    {
        using var index = GeneralRuleAndLuzhaisVersion();

        var ranked = new AnswerSelector(index, new AnswerOptions()).Weigh(TextFolding.Fold("柳州住院兜底保障到底是啥"), Anywhere)!.Entries;

        Assert.DoesNotContain(ranked, entry => entry.FromElsewhere);
    }

    [Fact]
    public void Weigh_AskerOfTheCounty_GetsItsVersionWithoutPenalty()
    {
        using var index = GeneralRuleAndLuzhaisVersion();

        var ranked = new AnswerSelector(index, new AnswerOptions()).Weigh(TextFolding.Fold("住院兜底保障到底是啥"), Anywhere with { RegionCode = "450223101" })!.Entries;

        Assert.DoesNotContain(ranked, entry => entry.FromElsewhere);
    }

    private static KnowledgeIndex GeneralRuleAndLuzhaisVersion()
    {
        var index = new KnowledgeIndex(TestVocabulary.Create());
        // A copy of the rule scoped to 鹿寨县: on its words alone it ties with the rule, and comes first in a tie.
        var luzhai = TestEntries.SafetyNet();
        luzhai.Id = "luzhai-safety-net";
        luzhai.Regions = ["450223"];
        index.Rebuild([luzhai, TestEntries.SafetyNet()]);
        return index;
    }

    [Fact]
    public void Select_SameQuestionAgain_ReusesTheAnswer() =>
        Assert.Same(_selector.Select("住院要交押金吗", Anywhere), _selector.Select("住院要交押金吗", Anywhere));

    [Fact]
    public void Select_AfterTheEntryIsRemoved_NoLongerAnswersWithIt()
    {
        _selector.Select("住院要交押金吗", Anywhere);
        _index.Remove("treat-first-pay-later");
        Assert.NotEqual("treat-first-pay-later", _selector.Select("住院要交押金吗", Anywhere).Entry?.Id);
    }

    [Fact]
    public void Select_AfterTheEntryIsEdited_AnswersWithTheNewText()
    {
        _selector.Select("住院要交押金吗", Anywhere);
        var edited = TestEntries.Deposit();
        edited.Summary = "改过的摘要：入院不用交押金。";
        _index.Upsert(edited);
        Assert.Equal("改过的摘要：入院不用交押金。", _selector.Select("住院要交押金吗", Anywhere).Entry?.Summary);
    }

    [Fact]
    public void Select_AnyQuestion_ConfidenceIsBetweenZeroAndOne()
    {
        foreach (var question in new[] { "住院", "押金押金押金", "起付线兜底押金你好", "title:* AND (", new string('报', 5000) })
        {
            Assert.InRange(_selector.Select(question, Anywhere).Confidence, 0, 1);
        }
    }

    [Fact]
    public void Select_Candidates_AreAtMostTheConfiguredCountBestFirst()
    {
        var answer = new AnswerSelector(_index, new AnswerOptions { CandidateCount = 2 }).Select("住院报销", Anywhere);
        Assert.InRange(answer.Candidates.Count, 1, 2);
        Assert.Equal(answer.Entry, answer.Candidates[0].Entry);
    }

    [Fact]
    public void Select_EntryOfAnotherCounty_IsNotGiven() =>
        Assert.NotEqual("critical-illness-deductible", _selector.Select("大病保险起付线是多少", Anywhere with { RegionCode = "610822" }).Entry?.Id);

    [Fact]
    public void Select_EntryNotYetInForce_IsNotGiven() =>
        Assert.NotEqual("safety-net", _selector.Select("兜底保障是啥意思", Anywhere with { Today = new DateOnly(2018, 1, 1) }).Entry?.Id);

    [Fact]
    public void Select_HigherThreshold_TurnsConfidentIntoUncertain()
    {
        var strict = new AnswerSelector(_index, new AnswerOptions { ConfidentThreshold = 1.01 });
        Assert.Equal(AnswerKind.Uncertain, strict.Select("住院是不是要交押金", Anywhere).Kind);
    }

    [Fact]
    public void Select_NotSureOfTheFirstButSureOfOneOfTwo_AnswersBothBestFirst()
    {
        var pairs = new AnswerSelector(_index, new AnswerOptions { ConfidentThreshold = 1.01, EitherOfTwoThreshold = 0 });

        var answer = pairs.Select("住院押金和兜底", Anywhere);

        Assert.Equal(AnswerKind.EitherOfTwo, answer.Kind);
        Assert.Equal([answer.Candidates[0].Id, answer.Candidates[1].Id], [answer.Entry!.Id, answer.Second!.Entry.Id]);
    }

    [Fact]
    public void Select_NotSureOfOneOfTwoEither_OffersTheMenu()
    {
        var strict = new AnswerSelector(_index, new AnswerOptions { ConfidentThreshold = 1.01, EitherOfTwoThreshold = 1.01 });

        Assert.Equal(AnswerKind.Uncertain, strict.Select("住院押金和兜底", Anywhere).Kind);
    }

    [Fact]
    public void Select_SmallTalkAmongTheBestTwo_IsNeverAnsweredAsOneOfTwo()
    {
        var pairs = new AnswerSelector(_index, new AnswerOptions { ConfidentThreshold = 1.01, EitherOfTwoThreshold = 0 });

        Assert.NotEqual(AnswerKind.EitherOfTwo, pairs.Select("你好 在吗", Anywhere).Kind);
    }

    public void Dispose() => _index.Dispose();
}
