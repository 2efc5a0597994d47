using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Domain.Tests.Campaigns;

public sealed class CampaignMessageTests
{
    private static CampaignMessage Draft(int author = 1) => new() { Title = "通知", Body = "三月是健康扶贫政策宣传月。", Audience = new Audience(), CreatedById = author };

    [Fact]
    public void WhyCannotApprove_Author_RefusedWithAskForASecondPerson() =>
        Assert.Equal("不能审批自己起草的消息，请另一位工作人员审批。", Draft(author: 1).WhyCannotApprove(1, mayRunCampaigns: true));

    [Fact]
    public void WhyCannotApprove_SecondStaffMemberWhoCannotRunCampaigns_Refused() =>
        Assert.Equal("只有宣传专员或管理员可以审批。", Draft(author: 1).WhyCannotApprove(2, mayRunCampaigns: false));

    [Fact]
    public void WhyCannotApprove_SecondCampaignOfficer_Allowed() =>
        Assert.Null(Draft(author: 1).WhyCannotApprove(2, mayRunCampaigns: true));

    [Fact]
    public void WhyCannotApprove_AlreadyApproved_Refused()
    {
        var message = Draft();
        message.Approve(2, DateTime.UtcNow);

        Assert.Equal("只有草稿可以审批。", message.WhyCannotApprove(3, mayRunCampaigns: true));
    }
}

public sealed class WeChatLimitsTests
{
    [Fact]
    public void Check_TemplateValueOver20Characters_Refused() =>
        Assert.Contains("模板字段“thing1”超过20个字。", WeChatLimits.Check(WeChatMessageKind.Template, "thing1=健康扶贫政策宣传月：住院先诊疗后付费不交押金", "tmpl"));

    [Fact]
    public void Check_TemplateWithRemarkField_Refused() =>
        Assert.Contains("模板消息不再支持“remark”字段（颜色、首行和备注都不显示）。", WeChatLimits.Check(WeChatMessageKind.Template, "thing1=政策宣传月\nremark=欢迎咨询", "tmpl"));

    [Fact]
    public void Check_TemplateValueWithLineBreak_Refused() =>
        Assert.Contains("模板字段“thing1”不能换行。", WeChatLimits.Check(WeChatMessageKind.Template, @"thing1=政策\n宣传月", "tmpl"));

    [Fact]
    public void Check_ShortTemplateFields_Accepted() =>
        Assert.Empty(WeChatLimits.Check(WeChatMessageKind.Template, "thing1=政策宣传月\ntime2=2026年3月1日", "tmpl"));

    [Fact]
    public void Check_NewsWithoutMediaId_Refused() =>
        Assert.Equal(["图文消息需要填写图文素材的 media_id。"], WeChatLimits.Check(WeChatMessageKind.MassNews, "看图文", null));
}

public sealed class TokenBucketTests
{
    [Fact]
    public void Take_OverAMinuteAt100PerSecond_Gives6000()
    {
        var bucket = new TokenBucket(100, TimeSpan.Zero);
        var taken = 0;
        for (var ms = 10; ms <= 60_000; ms += 10)
        {
            taken += bucket.Take(1000, TimeSpan.FromMilliseconds(ms));
        }

        Assert.Equal(6000, taken);
    }

    [Fact]
    public void Until_TwelveTokensAt50PerSecondFromEmpty_IsTheirQuarterSecond()
    {
        var bucket = new TokenBucket(50, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromMilliseconds(240), bucket.Until(12, TimeSpan.Zero));
    }

    [Fact]
    public void Until_MoreThanABucketHolds_WaitsOnlyForAFullBucket()
    {
        var bucket = new TokenBucket(50, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(1), bucket.Until(500, TimeSpan.Zero));
    }

    [Fact]
    public void Take_AfterALongPause_NoMoreThanOneSecondsWorth()
    {
        var bucket = new TokenBucket(50, TimeSpan.Zero);

        Assert.Equal(50, bucket.Take(1000, TimeSpan.FromMinutes(5)));
    }
}
