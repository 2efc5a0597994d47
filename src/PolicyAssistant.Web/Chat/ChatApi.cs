using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using PolicyAssistant.Conversation.Turns;
using PolicyAssistant.Web.Hosting;

namespace PolicyAssistant.Web.Chat;

public sealed record ChatRequest(string? UserId, string? Text);

public sealed record ChatSource(string Id, string Title, string Source);

public sealed record ChatReply(string Text, IReadOnlyList<ChatSource> Sources, IReadOnlyList<string> SuggestedReplies, string Kind, bool Confident);

/// <param name="Kind">What the turn's reply is: the kind of its last reply that says (answer, choices, outOfScope,
/// smallTalk, binding, personal, estimate), else dialog.</param>
/// <param name="Confident">The bot answered and stands by it: true only for an answer or a household's own record.</param>
public sealed record ChatResponse(string Reply, IReadOnlyList<ChatSource> Sources, IReadOnlyList<string> SuggestedReplies, IReadOnlyList<ChatReply> Replies, string Kind, bool Confident);

/// <summary>The web channel: JSON in, JSON out, for the chat page and for anyone testing the bot.</summary>
public static partial class ChatApi
{
    private static readonly WebChatAdapter Adapter = new();

    public const string ChannelId = WebChatAdapter.ChannelId;
    public const int MaxTextLength = 2000;

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/chat", PostMessageAsync).DisableAntiforgery().RequireRateLimiting(RateLimitSetup.ChatPolicy);
        return endpoints;
    }

    public static async Task<Results<Ok<ChatResponse>, ValidationProblem, ProblemHttpResult>> PostMessageAsync(
        ChatRequest request, TurnProcessor turns, KeyedRateLimiters limiters, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        using var lease = limiters.ChatUsers.AttemptAcquire(request.UserId!);
        if (!lease.IsAcquired)
        {
            return RateLimitSetup.TooManyMessagesProblem(lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null);
        }

        var replies = await turns.ProcessActivityAsync(Adapter.ToActivity(request), cancellationToken);
        return TypedResults.Ok(Adapter.ToOutgoing(replies));
    }

    private static Dictionary<string, string[]> Validate(ChatRequest request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.UserId is null || !UserIdPattern().IsMatch(request.UserId))
        {
            errors["userId"] = ["userId 必须是 1 到 64 位的字母、数字、- 或 _。"];
        }

        if (request.Text is null)
        {
            errors["text"] = ["text 不能为空。"];
        }
        else if (request.Text.Length > MaxTextLength)
        {
            errors["text"] = [$"消息太长了，请不要超过 {MaxTextLength} 个字。"];
        }

        return errors;
    }

    // \z, not $: $ also matches before a final newline, and "id\n" is not the same user as "id".
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex UserIdPattern();
}
