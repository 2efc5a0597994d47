using PolicyAssistant.Application.Sms.Outbox;

namespace PolicyAssistant.Application.Tests.Sms.Outbox;

public sealed class SmsSegmenterTests
{
    // The sign name 鹿寨县卫健局 with its brackets is 8 characters.
    [Theory]
    [InlineData(0, 1)]
    [InlineData(62, 1)]
    [InlineData(63, 2)]
    [InlineData(126, 2)]
    [InlineData(127, 3)]
    [InlineData(193, 3)]
    [InlineData(194, 4)]
    public void CountSegments_BodyLength_CountsSignNameAndConcatenation(int bodyLength, int expected)
    {
        Assert.Equal(expected, SmsSegmenter.CountSegments(new string('报', bodyLength), "鹿寨县卫健局"));
    }

    [Fact]
    public void CountSegments_AsciiText_CountsAsUcs2()
    {
        Assert.Equal(2, SmsSegmenter.CountSegments(new string('a', 63), "鹿寨县卫健局"));
    }

    [Theory]
    [InlineData(1, 62)]
    [InlineData(2, 126)]
    [InlineData(3, 193)]
    public void MaxBodyCharacters_Segments_IsTheLongestBodyThatFits(int segments, int expected)
    {
        Assert.Equal(expected, SmsSegmenter.MaxBodyCharacters(segments, "鹿寨县卫健局"));
    }
}
