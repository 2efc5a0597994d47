using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Application.WeChat.Protocol;

namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>
/// Gets the bot's answer to a WeChat request back to the user exactly once, within WeChat's rules: a passive
/// reply must come within 5 seconds, after which WeChat hangs up and sends the same message again (three
/// attempts in all). The first attempt to insert the message's row runs the turn; every attempt, on any
/// instance, waits up to <see cref="WeChatOptions.AnswerBudget"/> for the stored answer. Past the budget a
/// verified service account answers <c>success</c> and pushes the answer as a customer-service message;
/// any other account lets WeChat retry, and on the last attempt asks the user to send anything, the
/// answer then riding in front of the reply to that next message.
/// </summary>
public sealed class WeChatReplyCoordinator(
    IServiceScopeFactory scopes,
    WeChatInboundStore store,
    IOptions<WeChatOptions> options,
    TimeProvider clock,
    ILogger<WeChatReplyCoordinator> logger)
{
    public const string AnswerPendingText = "您的问题正在查询中，请稍后回复任意文字获取答案。";
    public const string FailureText = "抱歉，系统暂时繁忙，请稍后再问一次。";

    /// <summary>WeChat hangs up after 5 s; holding a request longer answers no one.</summary>
    private static readonly TimeSpan WeChatHangsUpAfter = TimeSpan.FromSeconds(5);

    /// <summary>WeChat sends a message at most three times: the third is the last chance for a passive reply.</summary>
    private const int LastAttempt = 3;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Turns running in this instance, by row id: completes when the answer is stored, with the reply XML
    /// when it went in for the passive reply (so the waiting request need not read it back), else null.
    /// </summary>
    private readonly ConcurrentDictionary<long, Task<string?>> _answering = new();

    /// <summary>Turns running in this instance past their first await, by row id: a graceful stop waits for them.</summary>
    private readonly ConcurrentDictionary<long, Task> _running = new();

    /// <summary>Claims between their insert and their turn's registration in <see cref="_running"/>: a stop waits for them too.</summary>
    private int _claiming;

    private static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>Trips when a stop gives up waiting for turns (not when it starts: turns in flight are finished first).</summary>
    private readonly CancellationTokenSource _abandon = new();

    private readonly WeChatAdapter _adapter = new(options.Value.IsVerifiedServiceAccount);

    /// <summary>The plaintext reply XML (or <c>success</c>) for this attempt; null when WeChat hung up first.</summary>
    public async Task<string?> AnswerAsync(WeChatRequestMessage message, string signatureKey, CancellationToken requestAborted)
    {
        var settings = options.Value;
        var activity = _adapter.ToActivity(message);
        var receivedAt = clock.GetUtcNow();
        try
        {
            // Not cancellable: once the row is inserted its turn must start, or every retry would wait for nothing.
            var (id, attempt) = await ClaimAsync(message, signatureKey, activity, receivedAt, CancellationToken.None);
            var row = await WaitForAnswerAsync(id, receivedAt + settings.AnswerBudget, requestAborted);
            if (row is null && !settings.IsVerifiedServiceAccount && attempt < LastAttempt)
            {
                // Saying nothing makes WeChat try again; holding on meanwhile lets a slightly late answer through.
                row = await WaitForAnswerAsync(id, receivedAt + WeChatHangsUpAfter, requestAborted);
            }

            if (row is null)
            {
                var deferral = settings.IsVerifiedServiceAccount ? WeChatInboundState.AwaitingCustomerService : WeChatInboundState.AwaitingNextMessage;
                if (await store.DeferAsync(id, deferral)) return Settle(deferral, replyXml: null, message);
                row = await store.ReadAsync(id, CancellationToken.None);
            }

            if (row.State == WeChatInboundState.AwaitingNextMessage && row.ReplyXml is not null && await store.MoveAsync(id, WeChatInboundState.AwaitingNextMessage, WeChatInboundState.Delivered))
                return row.ReplyXml;
            return Settle(row.State, row.ReplyXml, message);
        }
        catch (OperationCanceledException) when (requestAborted.IsCancellationRequested)
        {
            return null;
        }
    }

    private string Settle(WeChatInboundState state, string? replyXml, WeChatRequestMessage message) => state switch
    {
        WeChatInboundState.Pending => replyXml!,
        WeChatInboundState.AwaitingNextMessage => WeChatReplyRenderer.Render(
            new WeChatTextReply(AnswerPendingText), message.FromUserName, message.ToUserName, clock.GetUtcNow().ToUnixTimeSeconds()),
        _ => WeChatReplyRenderer.Success,
    };

    /// <summary>Inserts the message's row; the insert that wins the unique key starts the turn. Returns the row and which attempt this is.</summary>
    private async Task<(long Id, int Attempt)> ClaimAsync(WeChatRequestMessage message, string signatureKey, Activity activity, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var appId = options.Value.AppId;
        var dedupeKey = message switch
        {
            WeChatUserMessage userMessage => MessageKey(appId, userMessage.MsgId, userMessage.FromUserName),
            WeChatEvent wechatEvent => Hash(appId, "event", wechatEvent.FromUserName, wechatEvent.CreateTime.ToString(CultureInfo.InvariantCulture), wechatEvent.Event),
            _ => throw new ArgumentOutOfRangeException(nameof(message)),
        };
        var userKeyHash = Hash(appId, message.FromUserName);

        var leaseOwner = Guid.NewGuid().ToString("N");
        Interlocked.Increment(ref _claiming);
        try
        {
            return await ClaimAndStartAsync(message, signatureKey, activity, receivedAt, dedupeKey, userKeyHash, leaseOwner, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _claiming);
        }
    }

    private async Task<(long Id, int Attempt)> ClaimAndStartAsync(
        WeChatRequestMessage message, string signatureKey, Activity activity, DateTimeOffset receivedAt, string dedupeKey, string userKeyHash, string leaseOwner, CancellationToken cancellationToken)
    {
        var claim = await store.ClaimAsync(dedupeKey, userKeyHash, signatureKey, receivedAt, leaseOwner, receivedAt + options.Value.TurnLease, cancellationToken);

        if (claim.Attempts > 1)
        {
            logger.LogInformation("WeChat retried inbound message {InboundId} (attempt {Attempt}).", claim.Id, claim.Attempts);
            if (!claim.OwnsTurn) return (claim.Id, claim.Attempts);
            logger.LogWarning("WeChat inbound message {InboundId} had no answer and no live owner: running its turn again.", claim.Id);
        }

        var stored = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        _answering[claim.Id] = stored.Task;
        // Started on this thread, not queued: the turn usually finishes before its first real wait, and the
        // request then finds the answer ready instead of waking another thread for it and waiting for that.
        var turn = RunTurnAsync(claim, leaseOwner, userKeyHash, message, activity, stored);
        if (!turn.IsCompleted)
        {
            _running[claim.Id] = turn;
            var id = claim.Id;
            _ = turn.ContinueWith(_ => { _running.TryRemove(id, out Task? _); }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return (claim.Id, claim.Attempts);
    }

    /// <summary>
    /// For a graceful stop: waits for the turns running here; those still running when <paramref name="cancellationToken"/>
    /// fires (the host's shutdown timeout) are abandoned and their leases released, so WeChat's retry reruns them at once
    /// on another instance or after the restart.
    /// </summary>
    public async Task FinishTurnsAsync(CancellationToken cancellationToken)
    {
        try
        {
            // A row already inserted whose turn is not registered yet is about to run: it is waited for as well.
            while (Volatile.Read(ref _claiming) > 0)
            {
                await Task.Delay(ClaimPoll, cancellationToken);
            }

            await Task.WhenAll(_running.Values).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await _abandon.CancelAsync();
            var unfinished = _running.Keys.ToList();
            logger.LogWarning("Stopping with {Count} WeChat turns unfinished: releasing them for a retry to rerun.", unfinished.Count);
            await store.ReleaseLeasesAsync(unfinished);
        }
    }

    /// <summary>Keeps the claim alive while the turn runs longer than a third of the lease: most turns finish long before.</summary>
    private async Task RenewLeaseAsync(long id, string leaseOwner, CancellationToken turnDone)
    {
        var lease = options.Value.TurnLease;
        try
        {
            while (true)
            {
                // Nearly every turn ends during the first wait: ending it must not throw, as that would cost an
                // exception on every message.
                await Task.Delay(lease / 3, clock, turnDone).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                if (turnDone.IsCancellationRequested) return;
                await store.RenewLeaseAsync(id, leaseOwner, clock.GetUtcNow() + lease, turnDone);
            }
        }
        catch (OperationCanceledException) when (turnDone.IsCancellationRequested)
        {
            // The turn ended during a renewal: the lease is no longer needed.
        }
    }

    /// <summary>The row's progress once it has an answer or someone took the slow path; null if neither happened by <paramref name="deadline"/>.</summary>
    private async Task<WeChatInboundProgress?> WaitForAnswerAsync(long id, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            // A turn running here signals when its answer is stored: no need to read the row before that.
            if (_answering.TryGetValue(id, out var answering) && deadline > clock.GetUtcNow())
            {
                try
                {
                    if (await answering.WaitAsync(deadline - clock.GetUtcNow(), clock, cancellationToken) is { } replyXml)
                        return new WeChatInboundProgress(WeChatInboundState.Pending, replyXml);
                }
                catch (TimeoutException)
                {
                    // Budget spent: the read below decides.
                }
            }

            var row = await store.ReadAsync(id, cancellationToken);
            if (row.ReplyXml is not null || row.State != WeChatInboundState.Pending) return row;
            var remaining = deadline - clock.GetUtcNow();
            if (remaining <= TimeSpan.Zero) return null;

            // The turn runs on another instance: its answer shows up in the shared table.
            if (!_answering.ContainsKey(id)) await Task.Delay(remaining < PollInterval ? remaining : PollInterval, clock, cancellationToken);
        }
    }

    private async Task RunTurnAsync(WeChatInboundClaim claim, string leaseOwner, string userKeyHash, WeChatRequestMessage message, Activity activity, TaskCompletionSource<string?> stored)
    {
        var id = claim.Id;
        var stopping = _abandon.Token;
        try
        {
            WeChatOutgoing outgoing;
            WeChatReply? reply;
            bool deferred;
            string? passiveReplyXml = null;
            using var turnDone = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var renewing = RenewLeaseAsync(id, leaseOwner, turnDone.Token);
            try
            {
                outgoing = await AskBotAsync(id, activity, stopping);
                (reply, deferred, var xml) = await store.StoreAnswerAsync(claim, leaseOwner, userKeyHash, message, activity, outgoing.Passive, stopping);
                if (!deferred) passiveReplyXml = xml;
            }
            finally
            {
                await turnDone.CancelAsync();
                await renewing;
                stored.TrySetResult(passiveReplyXml);
                _answering.TryRemove(id, out _);
            }

            if (reply is null)
            {
                logger.LogWarning("WeChat inbound message {InboundId} was taken over while its turn ran; this answer is dropped.", id);
                return;
            }

            if (deferred) await DeliverIfDeferredAsync(id, message.FromUserName, reply, stopping);
            if (outgoing.Later.Count > 0) await DeliverLaterAsync(id, userKeyHash, message, outgoing.Later, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Abandoned by a stop that could not wait: its lease is released, and WeChat's retry reruns it.
            logger.LogInformation("Answering WeChat inbound message {InboundId} was stopped by shutdown.", id);
        }
        catch (Exception exception)
        {
            // Nothing awaits this task: log, never let it go unobserved.
            logger.LogError(exception, "Answering WeChat inbound message {InboundId} failed.", id);
        }
    }

    private async Task<WeChatOutgoing> AskBotAsync(long id, Activity activity, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var replies = await scope.ServiceProvider.GetRequiredService<TurnProcessor>().ProcessActivityAsync(activity, cancellationToken);
            return _adapter.ToOutgoing(replies);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogError(exception, "The bot failed on WeChat inbound message {InboundId}.", id);
            return new WeChatOutgoing(new WeChatTextReply(FailureText), []);
        }
    }

    /// <summary>
    /// The replies of the turn that did not fit in the passive reply: by customer-service message where the account
    /// may send them, else (or when sending fails) kept as answers owed to the user, which ride on the next message.
    /// </summary>
    private async Task DeliverLaterAsync(long id, string userKeyHash, WeChatRequestMessage message, IReadOnlyList<WeChatTextReply> later, CancellationToken cancellationToken)
    {
        var sent = 0;
        if (options.Value.IsVerifiedServiceAccount)
        {
            await using var scope = scopes.CreateAsyncScope();
            var api = scope.ServiceProvider.GetRequiredService<WeChatApiClient>();
            try
            {
                for (; sent < later.Count; sent++) await api.SendCustomerServiceTextAsync(message.FromUserName, later[sent].Content, cancellationToken);
            }
            catch (Exception exception) when (exception is WeChatApiException or HttpRequestException or TimeoutException)
            {
                logger.LogWarning(exception, "Customer-service delivery of the rest of WeChat inbound message {InboundId} failed; keeping it for the next message.", id);
            }
        }

        if (sent < later.Count) await store.KeepForNextMessageAsync(id, userKeyHash, message, later, from: sent);
    }

    private async Task DeliverIfDeferredAsync(long id, string openId, WeChatReply reply, CancellationToken cancellationToken)
    {
        if (await store.StateAsync(id, cancellationToken) != WeChatInboundState.AwaitingCustomerService) return;

        var outcome = WeChatInboundState.Delivered;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var api = scope.ServiceProvider.GetRequiredService<WeChatApiClient>();
            switch (reply)
            {
                case WeChatNewsReply news:
                    await api.SendCustomerServiceNewsAsync(openId, news.Article, cancellationToken);
                    break;
                case WeChatTextReply text:
                    await api.SendCustomerServiceTextAsync(openId, text.Content, cancellationToken);
                    break;
            }
        }
        catch (Exception exception) when (exception is WeChatApiException or HttpRequestException or TimeoutException)
        {
            // 45015 (no message from the user in 48 h) and the like: the answer waits for the user's next message instead.
            logger.LogWarning(exception, "Customer-service delivery of WeChat inbound message {InboundId} failed; keeping it for the next message.", id);
            outcome = WeChatInboundState.AwaitingNextMessage;
        }

        await store.MoveAsync(id, WeChatInboundState.AwaitingCustomerService, outcome);
    }

    /// <summary>
    /// A message's MsgId and AppID in the clear, then a short hash of its sender. WeChat's MsgIds grow over time,
    /// so each new row lands next to the last one in the unique index, instead of rewriting an index page at a
    /// random place in the file, as a hash would. The sender is part of the key so that a MsgId sent again by
    /// someone else (a replayed request with another FromUserName) is a message of its own, and never gets back
    /// the answer written for the first sender.
    /// </summary>
    private static string MessageKey(string appId, string msgId, string openId) =>
        $"{appId}:{msgId}:{Hash(appId, openId)[..SenderHashLength]}" is { Length: <= WeChatInboundMessage.DedupeKeyLength } key
            ? key
            : Hash(appId, "message", msgId, openId);

    private const int SenderHashLength = 16;

    internal static string Hash(params string[] parts) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts))));
}
