using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using PolicyAssistant.Conversation.Turns;

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
    public const string ChannelId = "web";
    public const int MaxTextLength = 2000;

    public static IEndpointRouteBuilder MapChatApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/chat", PostMessageAsync).DisableAntiforgery();
        endpoints.MapGet("/healthz", () => TypedResults.Text("ok"));
        return endpoints;
    }

    public static async Task<Results<Ok<ChatResponse>, ValidationProblem>> PostMessageAsync(ChatRequest request, TurnProcessor turns, CancellationToken cancellationToken)
    {
        var errors = Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var user = new ChannelAccount(request.UserId!);
        var activity = Activity.CreateMessage(ChannelId, request.UserId!, user, new ChannelAccount("bot"), request.Text!);
        var activities = await turns.ProcessActivityAsync(activity, cancellationToken);
        var replies = activities.Select(ToReply).ToList();
        var decisive = activities.LastOrDefault(a => a.Kind is not null);
        return TypedResults.Ok(new ChatResponse(
            string.Join("\n\n", replies.Select(r => r.Text)),
            replies.SelectMany(r => r.Sources).DistinctBy(s => s.Id).ToList(),
            replies.LastOrDefault()?.SuggestedReplies ?? [],
            replies,
            KindName(decisive?.Kind),
            decisive?.Confident ?? false));
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

    private static ChatReply ToReply(Activity reply) => new(
        reply.Text ?? "",
        reply.Sources.Select(s => new ChatSource(s.EntryId, s.Title, s.Source)).ToList(),
        reply.SuggestedReplies,
        KindName(reply.Kind),
        reply.Confident);

    private static string KindName(ReplyKind? kind) => JsonNamingPolicy.CamelCase.ConvertName((kind ?? ReplyKind.Dialog).ToString());

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex UserIdPattern();
}
