using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Answers;
using PolicyAssistant.Knowledge.Search;
using PolicyAssistant.Knowledge.Tests.Support;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Knowledge.Tests.Answers;

public sealed class AnswerFormatterTests
{
    [Fact]
    public void ShortAnswer_Policy_EndsWithItsSource()
    {
        var entry = TestEntries.SafetyNet();
        Assert.Equal($"{entry.Summary}（依据：{entry.Source}）", AnswerFormatter.ShortAnswer(entry));
    }

    [Fact]
    public void ShortAnswer_SmallTalk_HasNoSourceLine() =>
        Assert.Equal(TestEntries.Greeting().Summary, AnswerFormatter.ShortAnswer(TestEntries.Greeting()));

    [Fact]
    public void ShortAnswer_LongSummary_IsCutAtASentenceEnd()
    {
        var entry = TestEntries.SafetyNet();
        entry.Summary = string.Concat(Enumerable.Repeat("住院费用按规定报销。", 40));

        var answer = AnswerFormatter.ShortAnswer(entry);

        Assert.InRange(answer.Length, 1, AnswerFormatter.MaxShortAnswerLength);
        Assert.EndsWith($"报销。（依据：{entry.Source}）", answer);
    }

    [Fact]
    public void ShortAnswer_LongSentenceWithoutEnd_IsCutWithEllipsis()
    {
        var entry = TestEntries.Greeting();
        entry.Summary = new string('报', 400);

        var answer = AnswerFormatter.ShortAnswer(entry);

        Assert.Equal(AnswerFormatter.MaxShortAnswerLength, answer.Length);
        Assert.EndsWith("…", answer);
    }

    [Fact]
    public void ShortAnswer_VeryLongSource_StillFitsTheScreen()
    {
        var entry = TestEntries.SafetyNet();
        entry.Source = new string('文', 500);
        entry.Summary = new string('报', 400);
        Assert.InRange(AnswerFormatter.ShortAnswer(entry).Length, 1, AnswerFormatter.MaxShortAnswerLength);
    }

    [Fact]
    public void FullText_Policy_HasTitleSummaryBodyAndSource()
    {
        var entry = TestEntries.SafetyNet();
        Assert.Equal($"{entry.Title}\n\n{entry.Summary}\n\n{entry.Body}\n\n依据：{entry.Source}", AnswerFormatter.FullText(entry));
    }

    [Fact]
    public void FullText_MarkdownEmphasis_IsRemoved()
    {
        var entry = TestEntries.Greeting();
        entry.Body = "**注意**：带身份证。";
        Assert.EndsWith("\n\n注意：带身份证。", AnswerFormatter.FullText(entry));
    }

    [Fact]
    public void CandidatesMenu_ThreeCandidates_NumbersThemAndAsksForANumber()
    {
        var candidates = new[] { TestEntries.SafetyNet(), TestEntries.Deposit(), TestEntries.Deductible() }
            .Select(e => new AnswerCandidate(e, 0.3))
            .ToList();

        Assert.Equal(
            "您是不是想问：\n1. 兜底保障：住院自付不超过总费用的10%\n2. 先诊疗后付费：住院不用交押金\n3. 大病保险：起付线降低一半\n回复数字查看",
            AnswerFormatter.CandidatesMenu(candidates));
    }
}

public sealed class PassageAnswerTests
{
    [Fact]
    public void PassageAnswer_ExcludedItemAskedYesOrNo_SaysNoFirstWithTheReason()
    {
        var entry = ListEntries.Exclusions();
        var item = Passages.Of(entry).Single(p => p.Text.StartsWith("打架", StringComparison.Ordinal));

        var answer = AnswerFormatter.PassageAnswer(entry, item, "喝酒摔伤了能兜底吗", ["酗酒", "摔伤", "兜底保障"]);

        Assert.StartsWith("不能兜底。这种情况不属于兜底范围。清单如下：打架斗殴、酗酒受的伤；", answer);
    }

    [Fact]
    public void PassageAnswer_ExceptionNamedInTheQuestion_SaysYesWithTheException()
    {
        var entry = ListEntries.Exclusions();
        var item = Passages.Of(entry).Single(p => p.Text.Contains("急救", StringComparison.Ordinal));

        var answer = AnswerFormatter.PassageAnswer(entry, item, "急诊抢救进了非定点医院 兜底认吗", ["定点", "医院", "抢救", "兜底保障"]);

        Assert.StartsWith("能。急救、抢救是例外，可以兜底。", answer);
    }

    [Fact]
    public void PassageAnswer_CoveredItemAskedYesOrNo_SaysYesFirst()
    {
        var entry = ListEntries.Diseases();
        var item = Passages.Of(entry).Single(p => p.Text == "胃癌");

        Assert.StartsWith("是的，在范围内。国家规定的9种大病：胃癌", AnswerFormatter.PassageAnswer(entry, item, "胃癌算不算大病", ["胃癌", "大病"]));
    }

    [Fact]
    public void PassageAnswer_ItemOfAListThatExplains_SaysNeitherYesNorNo()
    {
        var entry = new KnowledgeEntry
        {
            Id = "disease-based-payment",
            Title = "大病按病种付费",
            Summary = "大病按病种定一个总价，几项一起报。",
            Body = "按病种付费是什么意思：\n- 人社部门定每个病种的付费额度，并检查医院的收费；\n- 超出额度的由医院负担。",
            Source = "鹿寨县健康扶贫“大病集中救治一批”实施方案",
        };
        var item = Passages.Of(entry).Single(p => p.Text.StartsWith("人社", StringComparison.Ordinal));

        var answer = AnswerFormatter.PassageAnswer(entry, item, "按病种付费以后 医院检查收费还多收吗", ["病种", "付费", "医院", "检查", "收费"]);

        Assert.DoesNotContain("在范围内", answer);
    }

    [Fact]
    public void PassageAnswer_QuestionAsksWhichOnes_GivesTheWholeList()
    {
        var entry = ListEntries.Diseases();
        var item = Passages.Of(entry).Single(p => p.Text == "胃癌");

        Assert.Contains("国家规定的9种大病：食管癌；胃癌；终末期肾病（尿毒症）。", AnswerFormatter.PassageAnswer(entry, item, "大病都有哪些", ["大病"]));
    }

    [Fact]
    public void PassageAnswer_QuestionAsksWhatToBring_GivesTheListOfPapersNotTheParagraphThatSharesItsWord()
    {
        var entry = ListEntries.Papers();
        var forgotten = Passages.Of(entry).Single(p => p.Text.StartsWith("忘带了", StringComparison.Ordinal));

        Assert.Contains("带齐三样：医保卡；身份证；贫困家庭就诊卡。", AnswerFormatter.PassageAnswer(entry, forgotten, "住院要带啥证件", ["住院", "证件"]));
    }

    [Fact]
    public void PassageAnswer_RoomLeft_TheWholeSummaryFollowsThePassage()
    {
        var entry = ListEntries.Diseases();
        entry.Summary = "大病专项救治要到县里指定的定点医院看。以鹿寨县为例，定点医院是县人民医院和县中医医院。";
        var item = Passages.Of(entry).Single(p => p.Text == "胃癌");

        Assert.Contains("县人民医院和县中医医院", AnswerFormatter.PassageAnswer(entry, item, "胃癌算不算大病", ["胃癌", "大病"]));
    }

    [Fact]
    public void PassageAnswer_ListItem_NamesTheSource()
    {
        var entry = ListEntries.Diseases();
        var item = Passages.Of(entry).Single(p => p.Text == "胃癌");

        Assert.EndsWith($"（依据：{entry.Source}）", AnswerFormatter.PassageAnswer(entry, item, "胃癌", ["胃癌"]));
    }

    [Fact]
    public void EitherOfTwoAnswer_TwoEntries_EachUnderItsNumberAndTitleWithItsSource()
    {
        var (first, second) = (TestEntries.SafetyNet(), TestEntries.Deposit());

        var answer = AnswerFormatter.EitherOfTwoAnswer(new AnsweredEntry(first, null), new AnsweredEntry(second, null), "兜底", ["兜底保障"]);

        var lines = answer.Split('\n');
        Assert.Equal(
            [$"1.【{first.Title}】{AnswerFormatter.ShortAnswer(first)}", $"2.【{second.Title}】{AnswerFormatter.ShortAnswer(second)}"],
            lines[1..]);
    }

    [Fact]
    public void EitherOfTwoAnswer_LongEntries_EachKeepsToThreeQuartersOfAShortAnswer()
    {
        var (first, second) = (ListEntries.Diseases(), TestEntries.SafetyNet());
        first.Summary = string.Concat(Enumerable.Repeat("大病专项救治要到县里指定的定点医院看。", 20));
        second.Summary = string.Concat(Enumerable.Repeat("自付超过10%的部分由政府兜底。", 20));

        var answer = AnswerFormatter.EitherOfTwoAnswer(new AnsweredEntry(first, null), new AnsweredEntry(second, null), "大病", ["大病"]);

        Assert.All(answer.Split('\n')[1..], part => Assert.InRange(part.Length, 1, AnswerFormatter.MaxShortAnswerLength * 3 / 4));
    }

    // About what a reply by text message leaves two entries: far less than a phone screen.
    private const int TextLength = 140;

    // A list's excluded item asked yes or no (a verdict first), and a policy whose summary is one sentence too long for its half.
    private static string TightEitherOfTwoAnswer()
    {
        var exclusions = ListEntries.Exclusions();
        var item = Passages.Of(exclusions).Single(p => p.Text.StartsWith("打架", StringComparison.Ordinal));
        return AnswerFormatter.EitherOfTwoAnswer(
            new AnsweredEntry(exclusions, item), new AnsweredEntry(TestEntries.SafetyNet(), null), "喝酒摔伤了能兜底吗", ["酗酒", "摔伤", "兜底保障"], TextLength);
    }

    [Fact]
    public void EitherOfTwoAnswer_SmallLength_StaysWithinIt() => Assert.InRange(TightEitherOfTwoAnswer().Length, 1, TextLength);

    [Fact]
    public void EitherOfTwoAnswer_SmallLength_KeepsBothEntriesUnderTheirNumbersAndShortTitles()
    {
        var headings = TightEitherOfTwoAnswer().Split('\n').Skip(1).Select(part => part[..(part.IndexOf('】', StringComparison.Ordinal) + 1)]);

        Assert.Equal(["1.【哪些情况不能兜底】", "2.【兜底保障】"], headings);
    }

    [Fact]
    public void EitherOfTwoAnswer_SmallLength_KeepsTheVerdictFirst() =>
        Assert.StartsWith("1.【哪些情况不能兜底】不能兜底。这种情况不属于兜底范围。", TightEitherOfTwoAnswer().Split('\n')[1]);

    [Fact]
    public void EitherOfTwoAnswer_SmallLength_CutsALongSentenceAtAClauseEnd() =>
        Assert.EndsWith("医疗救助报销后，个人自付部分超过总费用10%的…", TightEitherOfTwoAnswer().Split('\n')[2]);

    [Fact]
    public void PassageAnswer_SummaryIsTheBestPassage_IsTheShortAnswer()
    {
        var entry = TestEntries.SafetyNet();

        Assert.Equal(AnswerFormatter.ShortAnswer(entry), AnswerFormatter.PassageAnswer(entry, Passages.Of(entry)[0], "兜底是啥", ["兜底保障"]));
    }
}
