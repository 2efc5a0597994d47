using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Analysis;
using PolicyAssistant.Knowledge.Search;
using PolicyAssistant.Knowledge.Tests.Support;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Knowledge.Tests.Search;

public sealed class KnowledgeIndexTests : IDisposable
{
    private readonly KnowledgeIndex _index = new(TestVocabulary.Create());

    public KnowledgeIndexTests() => _index.Rebuild(TestEntries.All());

    [Theory]
    [InlineData("住院要交押金吗", "treat-first-pay-later")]
    [InlineData("住院預交金", "treat-first-pay-later")]
    [InlineData("兜底保障是什么", "safety-net")]
    [InlineData("大病保险的起付线", "critical-illness-deductible")]
    [InlineData("你好", "greeting")]
    public void Search_Question_FindsItsEntryFirst(string question, string expectedId) =>
        Assert.Equal(expectedId, _index.Search(question, KnowledgeSearchFilter.None).Hits[0].Entry.Id);

    [Fact]
    public void Search_DomainWordMisspeltByItsSound_IsSearchedAsThatWord() =>
        Assert.Contains(_index.Search("起付现是多少", KnowledgeSearchFilter.None).Terms, term => term.Text == "起付线");

    [Fact]
    public void Search_Hit_TellsWhereEachTermMatched()
    {
        var hit = _index.Search("起付线", KnowledgeSearchFilter.None).Hits[0];
        Assert.Contains("起付线", hit.MatchedInKeyFields);
        Assert.Empty(hit.MatchedInBody);
    }

    [Fact]
    public void Search_Question_SaysWhichEntryItsCharacterPairsAloneRankFirst() =>
        Assert.Equal("critical-illness-deductible", _index.Search("大病保险的起付线", KnowledgeSearchFilter.None).PairsFirstId);

    [Fact]
    public void Search_TermOnlyInBody_IsMatchedInBody()
    {
        var hit = _index.Search("范围", KnowledgeSearchFilter.None).Hits.Single(h => h.Entry.Id == "safety-net");
        Assert.Contains("范围", hit.MatchedInBody);
    }

    [Fact]
    public void Search_RareTerm_WeighsMoreThanCommonTerm()
    {
        var terms = _index.Search("住院起付线", KnowledgeSearchFilter.None).Terms;
        Assert.True(terms.Single(t => t.Text == "起付线").Idf > terms.Single(t => t.Text == "住院").Idf);
    }

    [Theory]
    [InlineData("title:* AND (")]
    [InlineData("\"押金")]
    [InlineData("押金~2 OR 起付线^10")]
    [InlineData("*:*")]
    [InlineData("")]
    [InlineData("😀")]
    [InlineData("\uD800")]
    public void Search_LuceneSyntaxOrJunk_NeverThrows(string question) =>
        Assert.NotNull(_index.Search(question, KnowledgeSearchFilter.None));

    [Fact]
    public void Search_FiveThousandCharacters_SearchesTheStart()
    {
        var hits = _index.Search("押金" + new string('啊', 5000), KnowledgeSearchFilter.None).Hits;
        Assert.Equal("treat-first-pay-later", hits[0].Entry.Id);
    }

    [Fact]
    public void Search_OtherCounty_LeavesOutThatCountysEntries() =>
        Assert.DoesNotContain(
            _index.Search("大病保险起付线", new KnowledgeSearchFilter("610822")).Hits,
            h => h.Entry.Id == "critical-illness-deductible");

    [Theory]
    [InlineData("450223")]
    [InlineData("450223101")]
    [InlineData(null)]
    public void Search_OwnCountyOrVillageBelowIt_KeepsTheCountysEntries(string? region) =>
        Assert.Equal("critical-illness-deductible", _index.Search("大病保险起付线", new KnowledgeSearchFilter(region)).Hits[0].Entry.Id);

    [Fact]
    public void Search_DayBeforeEffectiveFrom_LeavesTheEntryOut() =>
        Assert.DoesNotContain(
            _index.Search("兜底保障", new KnowledgeSearchFilter(Today: new DateOnly(2018, 7, 19))).Hits,
            h => h.Entry.Id == "safety-net");

    [Fact]
    public void Search_DayAfterEffectiveTo_LeavesTheEntryOut()
    {
        var expired = TestEntries.SafetyNet();
        expired.EffectiveTo = new DateOnly(2020, 12, 31);
        _index.Upsert(expired);

        Assert.DoesNotContain(
            _index.Search("兜底保障", new KnowledgeSearchFilter(Today: new DateOnly(2021, 1, 1))).Hits,
            h => h.Entry.Id == "safety-net");
    }

    [Fact]
    public void Search_TwoEntriesScoringTheSame_ComeInIdOrderWhicheverWasAddedFirst()
    {
        _index.Upsert(new KnowledgeEntry { Id = "twin-b", Title = "白内障复明手术免费", Summary = "60岁以上贫困人口白内障手术免费。", Source = "焦作" });
        _index.Upsert(new KnowledgeEntry { Id = "twin-a", Title = "白内障复明手术免费", Summary = "60岁以上贫困人口白内障手术免费。", Source = "焦作" });

        Assert.Equal(["twin-a", "twin-b"], _index.Search("白内障", KnowledgeSearchFilter.None).Hits.Take(2).Select(h => h.Entry.Id));
    }

    [Fact]
    public void Upsert_NewEntry_IsFoundByTheNextSearch()
    {
        _index.Upsert(new KnowledgeEntry { Id = "cataract", Title = "白内障复明手术免费", Summary = "60岁以上贫困人口白内障手术免费。", Source = "焦作" });
        Assert.Equal("cataract", _index.Search("白内障", KnowledgeSearchFilter.None).Hits[0].Entry.Id);
    }

    [Fact]
    public void Upsert_ChangedEntry_ReplacesTheOldText()
    {
        var changed = TestEntries.Deposit();
        changed.Questions = ["看病要不要先交钱"];
        changed.Tags = [];
        changed.Title = "先诊疗后付费";
        changed.Summary = "不用先交钱。";
        changed.Body = "";
        _index.Upsert(changed);

        Assert.Equal(4, _index.Count);
        Assert.DoesNotContain(_index.Search("押金", KnowledgeSearchFilter.None).Hits, h => h.Entry.Id == changed.Id);
    }

    [Fact]
    public void Remove_Entry_IsGoneFromTheNextSearch()
    {
        Assert.True(_index.Remove("safety-net"));
        Assert.DoesNotContain(_index.Search("兜底保障", KnowledgeSearchFilter.None).Hits, h => h.Entry.Id == "safety-net");
    }

    [Fact]
    public void Remove_UnknownId_ReturnsFalse() => Assert.False(_index.Remove("no-such-entry"));

    [Fact]
    public void Rebuild_NewVocabulary_ChangesTheAnalysis()
    {
        Assert.DoesNotContain("医保卡", _index.Analyze("医保卡"));
        _index.Rebuild(TestEntries.All(), KnowledgeVocabulary.Parse("医保卡", ""));
        Assert.Equal(["医保卡"], _index.Analyze("医保卡"));
    }

    [Fact]
    public async Task Search_WhileEntriesChange_NeverFailsAndAlwaysFindsTheStableEntry()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var writer = Task.Run(() =>
        {
            for (var i = 0; !stop.IsCancellationRequested && i < 200; i++)
            {
                _index.Upsert(new KnowledgeEntry { Id = $"extra-{i % 5}", Title = $"临时条目{i}", Summary = "押金说明。", Source = "测试" });
                _index.Remove($"extra-{(i + 2) % 5}");
            }
        });
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 200; i++)
            {
                Assert.Contains(_index.Search("兜底保障", KnowledgeSearchFilter.None).Hits, h => h.Entry.Id == "safety-net");
            }
        })).ToArray();

        await Task.WhenAll([writer, .. readers]);
    }

    [Fact]
    public void Search_SameQuestionTwice_ReusesTheFirstResult() =>
        Assert.Same(_index.Search("起付线是多少", KnowledgeSearchFilter.None), _index.Search("起付线是多少", KnowledgeSearchFilter.None));

    [Fact]
    public void Search_SameQuestionForAnotherCounty_IsSearchedForThatCounty()
    {
        _index.Search("大病保险起付线", KnowledgeSearchFilter.None);
        Assert.DoesNotContain(
            _index.Search("大病保险起付线", new KnowledgeSearchFilter("610822")).Hits,
            h => h.Entry.Id == "critical-illness-deductible");
    }

    [Fact]
    public void Upsert_QuestionAskedBefore_NextSearchSeesTheNewEntry()
    {
        _index.Search("白内障", KnowledgeSearchFilter.None);
        _index.Upsert(new KnowledgeEntry { Id = "cataract", Title = "白内障复明手术免费", Summary = "60岁以上贫困人口白内障手术免费。", Source = "焦作" });
        Assert.Equal("cataract", _index.Search("白内障", KnowledgeSearchFilter.None).Hits[0].Entry.Id);
    }

    [Fact]
    public void Remove_QuestionAskedBefore_NextSearchLeavesTheEntryOut()
    {
        _index.Search("兜底保障", KnowledgeSearchFilter.None);
        _index.Remove("safety-net");
        Assert.DoesNotContain(_index.Search("兜底保障", KnowledgeSearchFilter.None).Hits, h => h.Entry.Id == "safety-net");
    }

    [Fact]
    public void Rebuild_QuestionAskedBefore_NextSearchUsesTheNewAnalysis()
    {
        _index.Search("医保卡", KnowledgeSearchFilter.None);
        _index.Rebuild(TestEntries.All(), KnowledgeVocabulary.Parse("医保卡", ""));
        Assert.Contains(_index.Search("医保卡", KnowledgeSearchFilter.None).Terms, t => t.Text == "医保卡");
    }

    [Fact]
    public void Constructor_Folder_KeepsTheIndexOnDisk()
    {
        var folder = Directory.CreateTempSubdirectory("knowledge-index-");
        try
        {
            using (var onDisk = new KnowledgeIndex(TestVocabulary.Create(), folder.FullName))
            {
                onDisk.Rebuild(TestEntries.All());
                Assert.Equal("safety-net", onDisk.Search("兜底保障", KnowledgeSearchFilter.None).Hits[0].Entry.Id);
            }

            Assert.NotEmpty(folder.GetFiles());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    public void Dispose() => _index.Dispose();
}
