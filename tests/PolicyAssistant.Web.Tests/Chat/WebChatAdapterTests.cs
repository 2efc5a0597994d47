using PolicyAssistant.Web.Chat;

namespace PolicyAssistant.Web.Tests.Chat;

public sealed class WebChatAdapterTests
{
    private static readonly WebChatAdapter Adapter = new();

    [Fact]
    public void ToOutgoing_TurnWithTwoReplies_JoinsBothAndListsEach()
    {
        var question = Adapter.ToActivity(new ChatRequest("web-1", "押金"));

        var response = Adapter.ToOutgoing([question.CreateReply("第一条"), question.CreateReply("第二条", ["1"])]);

        Assert.Equal("第一条\n\n第二条", response.Reply);
        Assert.Equal(["第一条", "第二条"], response.Replies.Select(r => r.Text));
        Assert.Equal(["1"], response.SuggestedReplies);
    }

    [Fact]
    public void ToActivity_Request_IsAMessageInTheUsersConversation()
    {
        var activity = Adapter.ToActivity(new ChatRequest("web-1", "押金"));

        Assert.Equal(("web", "web-1", "web-1", "押金"), (activity.ChannelId, activity.ConversationId, activity.From.Id, activity.Text));
    }
}
