namespace PolicyAssistant.Conversation.Turns;

public interface ITurnContext
{
    Activity Activity { get; }

    /// <summary>Per-turn scratch space shared by middleware and the bot (state caches, the user's binding, …).</summary>
    IDictionary<string, object> TurnState { get; }

    IReadOnlyList<Activity> Replies { get; }

    bool Responded { get; }

    Task SendActivityAsync(Activity activity, CancellationToken cancellationToken);
}

/// <summary>
/// The context of one turn. Replies are collected rather than sent, because every channel here answers
/// the request that carried the message (WeChat passive reply, SMS reply, JSON) and decides itself what
/// to deliver later.
/// </summary>
public sealed class TurnContext(Activity activity) : ITurnContext
{
    private readonly List<Activity> _replies = [];

    public Activity Activity { get; } = activity;

    public IDictionary<string, object> TurnState { get; } = new Dictionary<string, object>();

    public IReadOnlyList<Activity> Replies => _replies;

    public bool Responded => _replies.Count > 0;

    public Task SendActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        _replies.Add(activity);
        return Task.CompletedTask;
    }
}

public static class TurnContextExtensions
{
    public static Task SendTextAsync(this ITurnContext turnContext, string text, CancellationToken cancellationToken, IReadOnlyList<string>? suggestedReplies = null, ReplyKind? kind = null) =>
        turnContext.SendActivityAsync(turnContext.Activity.CreateReply(text, suggestedReplies, kind: kind), cancellationToken);
}
