using PolicyAssistant.Application.Households;
using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Application.Tests.Households;

public sealed class RelativesTests
{
    private static readonly IReadOnlyList<HouseholdMember> Household =
    [
        new(1, "王建国", RelationToHead.Self, Sex.Male),
        new(2, "李秀芳", RelationToHead.Spouse, Sex.Female),
        new(3, "王大山", RelationToHead.Son, Sex.Male),
        new(4, "刘小红", RelationToHead.DaughterInLaw, Sex.Female),
        new(5, "王小花", RelationToHead.Daughter, Sex.Female),
        new(6, "赵桂英", RelationToHead.Mother, Sex.Female),
        new(7, "王宝宝", RelationToHead.Grandson, Sex.Male),
    ];

    [Theory]
    [InlineData("我妈的慢病办下来没有", 1, new[] { 6 })]
    [InlineData("俺娘慢病证明", 1, new[] { 6 })]
    [InlineData("老伴的慢病", 1, new[] { 2 })]
    [InlineData("孩子他妈的慢病", 1, new[] { 2 })]
    [InlineData("孩子的慢病", 1, new[] { 3, 5 })]
    [InlineData("我闺女的慢病", 1, new[] { 5 })]
    [InlineData("姑娘的慢病", 1, new[] { 5 })]
    [InlineData("儿媳妇的慢病", 1, new[] { 4 })]
    [InlineData("孙子上次住院", 1, new[] { 7 })]
    [InlineData("我妈的慢病", 3, new[] { 2 })]
    [InlineData("我爸上次住院报了多少", 3, new[] { 1 })]
    [InlineData("我媳妇的慢病", 3, new[] { 4 })]
    [InlineData("孩子的慢病", 3, new[] { 7 })]
    [InlineData("我自己的慢病", 5, new[] { 5 })]
    [InlineData("王小花的慢病", 1, new[] { 5 })]
    public void Match_KinWordOrName_FindsTheRelativeOfTheSpeaker(string text, int speakerId, int[] expected)
    {
        var named = Assert.IsType<RelativeMatch.Named>(Relatives.Match(text, speakerId, Household));

        Assert.Equal(expected, named.Candidates.Select(person => person.MemberId).Order());
    }

    [Fact]
    public void Match_NobodyNamed_IsTheWholeHousehold() =>
        Assert.IsType<RelativeMatch.Household>(Relatives.Match("慢病证明办好了吗", 1, Household));

    [Fact]
    public void Match_NameFromAnotherHousehold_IsNobodyOfThisOne() =>
        Assert.IsType<RelativeMatch.Household>(Relatives.Match("张三丰的慢病", 1, Household));

    [Fact]
    public void Label_Member_ShowsTheMaskedNameAndRelation() =>
        Assert.Equal("李*芳（配偶）", Household[1].Label);
}
