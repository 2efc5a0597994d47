using System.Text;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Application.WeChat.Protocol;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Application.Tests.WeChat.Inbound;

public sealed class WeChatAdapterTests
{
    private static readonly WeChatAdapter Plain = new(mayPushCustomerServiceMessages: false);

    private static Activity Reply(string text, CardAttachment? card = null) => new()
    {
        Type = ActivityTypes.Message, ChannelId = WeChatAdapter.ChannelId, ConversationId = "o1", From = new("bot"), Recipient = new("o1"),
        Text = text, Cards = card is null ? [] : [card],
    };

    [Fact]
    public void ToOutgoing_NoReplies_IsSuccess() =>
        Assert.Equal(new WeChatOutgoing(WeChatReply.Success, []), Plain.ToOutgoing([]));

    [Fact]
    public void ToOutgoing_TwoShortReplies_AreJoinedInThePassiveReply()
    {
        var outgoing = Plain.ToOutgoing([Reply("一"), Reply("二")]);

        Assert.Equal((new WeChatTextReply("一\n\n二"), 0), ((WeChatTextReply)outgoing.Passive, outgoing.Later.Count));
    }

    [Fact]
    public void ToOutgoing_CardThenText_IsNewsWithTheTextLater()
    {
        var card = new CardAttachment("慢病办理指南", "材料和流程");

        var outgoing = Plain.ToOutgoing([Reply("指南", card), Reply("还有问题请留言")]);

        Assert.Equal((new WeChatNewsReply(card), "还有问题请留言"), ((WeChatNewsReply)outgoing.Passive, Assert.Single(outgoing.Later).Content));
    }

    [Fact]
    public void ToOutgoing_TooLongWithoutCustomerService_SaysMoreFollowsAndKeepsTheRest()
    {
        var outgoing = Plain.ToOutgoing([Reply(new string('一', 600)), Reply(new string('二', 600))]);

        Assert.EndsWith(WeChatAdapter.MoreFollowsText, ((WeChatTextReply)outgoing.Passive).Content);
        Assert.Equal(new string('二', 600), Assert.Single(outgoing.Later).Content);
    }

    [Fact]
    public void ToOutgoing_TooLongWithCustomerService_SaysNothingOfTheRest()
    {
        var outgoing = new WeChatAdapter(mayPushCustomerServiceMessages: true).ToOutgoing([Reply(new string('一', 600)), Reply(new string('二', 600))]);

        Assert.Equal((new string('一', 600), 1), (((WeChatTextReply)outgoing.Passive).Content, outgoing.Later.Count));
    }

    [Fact]
    public void ToOutgoing_OneReplyOverTheLimit_IsTrimmedToFit()
    {
        var outgoing = Plain.ToOutgoing([Reply(new string('长', 1000))]);

        Assert.True(Encoding.UTF8.GetByteCount(((WeChatTextReply)outgoing.Passive).Content) <= WeChatReplyRenderer.MaxTextBytes);
    }
}
