using PolicyAssistant.Knowledge.Search;
using PolicyAssistant.Knowledge.Tests.Support;

namespace PolicyAssistant.Knowledge.Tests.Search;

public sealed class PassagesTests
{
    [Fact]
    public void Of_Entry_SummaryThenParagraphsAndListItemsInOrder()
    {
        var kinds = Passages.Of(ListEntries.Exclusions()).Select(p => p.Kind);

        Assert.Equal(
            [PassageKind.Summary, PassageKind.Paragraph, PassageKind.ListItem, PassageKind.ListItem, PassageKind.ListItem, PassageKind.Paragraph],
            kinds);
    }

    [Fact]
    public void Of_ListItem_KeepsTheParagraphThatIntroducesItsList()
    {
        var item = Passages.Of(ListEntries.Diseases()).Single(p => p.Text == "胃癌");

        Assert.Equal("国家规定的9种大病：", item.Lead);
    }

    [Fact]
    public void Of_ParagraphAfterAList_HasNoLead() =>
        Assert.Null(Passages.Of(ListEntries.Exclusions()).Last().Lead);
}
