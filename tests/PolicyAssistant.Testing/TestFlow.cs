using PolicyAssistant.Conversation.Turns;
using Xunit;

namespace PolicyAssistant.Testing;

/// <summary>
/// A conversation script: each <see cref="Send(string)"/> runs one turn through a real
/// <see cref="TurnProcessor"/>, each assertion takes the next reply. Strict: a reply left unasserted
/// fails the script at the next send or at the end.
/// </summary>
public sealed class TestFlow(IBot bot, params IEnumerable<IMiddleware> middleware)
{
    public const string ChannelId = "test";
    public const string ConversationId = "conversation-1";
    public static readonly ChannelAccount User = new("user-1");
    public static readonly ChannelAccount Bot = new("bot");

    private readonly TurnProcessor _processor = new(middleware, bot);
    private readonly List<Func<Queue<Activity>, Task>> _steps = [];
    private int _sent;

    public static Activity Message(string text, string? id = null) =>
        Activity.CreateMessage(ChannelId, ConversationId, User, Bot, text, id);

    public TestFlow Send(string text) => Send(Message(text, $"m{++_sent}"));

    public TestFlow Send(Activity activity)
    {
        _steps.Add(async replies =>
        {
            AssertAllAsserted(replies);
            foreach (var reply in await _processor.ProcessActivityAsync(activity, CancellationToken.None))
            {
                replies.Enqueue(reply);
            }
        });
        return this;
    }

    public TestFlow AssertReply(string expected) => AssertReply(reply => Assert.Equal(expected, reply.Text));

    public TestFlow AssertReply(Action<Activity> check)
    {
        _steps.Add(replies =>
        {
            Assert.True(replies.TryDequeue(out var reply), "The bot sent no further reply.");
            check(reply);
            return Task.CompletedTask;
        });
        return this;
    }

    public TestFlow AssertNoReply()
    {
        _steps.Add(replies =>
        {
            AssertAllAsserted(replies);
            return Task.CompletedTask;
        });
        return this;
    }

    public async Task StartTestAsync()
    {
        var replies = new Queue<Activity>();
        foreach (var step in _steps)
        {
            await step(replies);
        }

        AssertAllAsserted(replies);
    }

    private static void AssertAllAsserted(Queue<Activity> replies) =>
        Assert.True(replies.Count == 0, $"Unasserted reply: {replies.FirstOrDefault()?.Text}");
}
