using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Content;

namespace PolicyAssistant.Knowledge.Tests.Content;

public sealed class KnowledgeFileReaderTests
{
    private const string SafetyNet = """
        ---
        id: safety-net
        kind: policy            # or smalltalk
        title: 兜底保障：住院自付不超过总费用的10%
        questions:
        - 住院最多自己掏多少钱
        - 兜底保障是啥意思
        tags: [兜底保障, 住院, 重病兜底保障一批]
        track: SafetyNet
        regions: [all]
        effective_from: 2018-07-20
        effective_to:
        source: 鹿寨县健康扶贫“重病兜底保障一批”实施方案（鹿扶领办发〔2018〕37号）
        ---
        贫困人口县域内住院，
        自付超过总费用10%的部分由兜底资金补上。

        全文第一段。

        - 只管住院
        - 门诊不管
        """;

    [Fact]
    public void Read_WellFormedFile_FillsEveryField()
    {
        var entry = Read(SafetyNet);
        Assert.Equal("safety-net", entry.Id);
        Assert.Equal(EntryKind.Policy, entry.Kind);
        Assert.Equal("兜底保障：住院自付不超过总费用的10%", entry.Title);
        Assert.Equal(["住院最多自己掏多少钱", "兜底保障是啥意思"], entry.Questions);
        Assert.Equal(["兜底保障", "住院", "重病兜底保障一批"], entry.Tags);
        Assert.Equal(Track.SafetyNet, entry.Track);
        Assert.Equal([KnowledgeEntry.AllRegions], entry.Regions);
        Assert.Equal(new DateOnly(2018, 7, 20), entry.EffectiveFrom);
        Assert.Null(entry.EffectiveTo);
        Assert.StartsWith("鹿寨县健康扶贫", entry.Source);
    }

    [Fact]
    public void Read_SummaryOverTwoLines_JoinsThemWithoutSpace() =>
        Assert.Equal("贫困人口县域内住院，自付超过总费用10%的部分由兜底资金补上。", Read(SafetyNet).Summary);

    [Fact]
    public void Read_TextAfterSummary_IsTheBody() =>
        Assert.Equal("全文第一段。\n\n- 只管住院\n- 门诊不管", Read(SafetyNet).Body);

    [Fact]
    public void Read_SameText_GivesSameContentHash() =>
        Assert.Equal(Read(SafetyNet).ContentHash, Read(SafetyNet).ContentHash);

    [Fact]
    public void Read_ChangedText_GivesNewContentHash() =>
        Assert.NotEqual(Read(SafetyNet).ContentHash, Read(SafetyNet + "\n补充一句。").ContentHash);

    [Fact]
    public void Read_WindowsLineEndingsAndBom_ReadsTheSame() =>
        Assert.Equal(Read(SafetyNet).Questions, Read("\uFEFF" + SafetyNet.ReplaceLineEndings("\r\n")).Questions);

    [Fact]
    public void Read_SmallTalkWithoutSource_IsAccepted() =>
        Assert.Equal(EntryKind.SmallTalk, Read("---\nid: thanks\nkind: smalltalk\ntitle: 感谢\n---\n不客气！").Kind);

    [Fact]
    public void Read_RegionCodes_AreKept() =>
        Assert.Equal(["450223", "610822"], Read(SafetyNet.Replace("regions: [all]", "regions: [450223, 610822]")).Regions);

    [Theory]
    [InlineData("kind: policy            # or smalltalk", "kind: poliсy", 3, "kind")]
    [InlineData("track: SafetyNet", "track: Safety", 9, "track")]
    [InlineData("effective_from: 2018-07-20", "effective_from: 2018/07/20", 11, "yyyy-MM-dd")]
    [InlineData("id: safety-net", "id: Safety Net", 2, "slug")]
    [InlineData("tags: [兜底保障, 住院, 重病兜底保障一批]", "tags: 兜底保障", 8, "list")]
    [InlineData("track: SafetyNet", "trak: SafetyNet", 9, "unknown key")]
    [InlineData("title: 兜底保障：住院自付不超过总费用的10%", "title:", 4, "'title' is required")]
    [InlineData("source: 鹿寨县健康扶贫“重病兜底保障一批”实施方案（鹿扶领办发〔2018〕37号）", "source:", 13, "source")]
    public void Read_MalformedLine_ReportsFileAndLine(string good, string bad, int line, string hint)
    {
        var result = KnowledgeFileReader.Read("safety-net.md", SafetyNet.Replace(good, bad));
        Assert.Null(result.Entry);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("safety-net.md", line), (error.FileName, error.Line));
        Assert.Contains(hint, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("没有前言的文字")]
    [InlineData("---\nid: x\ntitle: 未闭合")]
    [InlineData("---\nid: x\nkind: smalltalk\ntitle: 没有摘要\n---\n")]
    public void Read_BrokenFile_GivesAnErrorNotAnException(string text)
    {
        var result = KnowledgeFileReader.Read("broken.md", text);
        Assert.Null(result.Entry);
        Assert.NotEmpty(result.Errors);
    }

    [Fact]
    public void ReadDirectory_OneBadFile_KeepsTheOthers()
    {
        var folder = Directory.CreateTempSubdirectory("knowledge-reader-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "safety-net.md"), SafetyNet);
            File.WriteAllText(Path.Combine(folder.FullName, "broken.md"), "---\nid: broken\n");
            File.WriteAllText(Path.Combine(folder.FullName, "notes.txt"), "not content");

            var result = KnowledgeFileReader.ReadDirectory(folder.FullName);

            Assert.Equal("safety-net", Assert.Single(result.Entries).Id);
            Assert.Equal("broken.md", Assert.Single(result.Errors).FileName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ReadDirectory_DuplicateId_ReportsTheSecondFile()
    {
        var folder = Directory.CreateTempSubdirectory("knowledge-reader-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.md"), SafetyNet);
            File.WriteAllText(Path.Combine(folder.FullName, "b.md"), SafetyNet);

            var result = KnowledgeFileReader.ReadDirectory(folder.FullName);

            Assert.Single(result.Entries);
            Assert.Equal("b.md", Assert.Single(result.Errors).FileName);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public void ReadDirectory_MissingFolder_ReportsIt() =>
        Assert.Single(KnowledgeFileReader.ReadDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"))).Errors);

    private static KnowledgeEntry Read(string text)
    {
        var result = KnowledgeFileReader.Read("safety-net.md", text);
        Assert.Empty(result.Errors);
        return result.Entry!;
    }
}
