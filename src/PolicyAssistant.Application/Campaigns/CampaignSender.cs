using PolicyAssistant.Domain.Text;
using System.Globalization;
using System.Linq.Expressions;
using Microsoft.Extensions.Options;
using PolicyAssistant.Application.Sms.Outbox;
using PolicyAssistant.Application.WeChat.Api;
using PolicyAssistant.Application.WeChat.Inbound;
using PolicyAssistant.Domain.Campaigns;

namespace PolicyAssistant.Application.Campaigns;

/// <summary>A claimed outbox row.</summary>
public sealed record ClaimedRecipient(long Id, int MemberId, string? SendKey, int Attempts, long? HandedOverAt);

/// <summary>
/// Drains the outbox, exactly once through crashes. Rows are claimed with a lease in one small UPDATE …
/// RETURNING (PostgreSQL: FOR UPDATE SKIP LOCKED, so two instances never take one row; SQLite: under its
/// write gate). The idempotency key of the call is written with the claim, before the call: a WeChat mass
/// send carries it as clientmsgid (WeChat sends a repeat no more), an SMS goes to the SMS outbox under it
/// as OutId (queued once; that dispatcher asks the provider before any resend). A dead instance's rows are
/// taken over when the lease lapses and sent again under the same key, so nothing goes twice.
/// A subscription account mass-sends by tag instead (<see cref="TagAsync"/>, <see cref="SendToTagAsync"/>): the rows'
/// followers are tagged batch by batch, then one sendall under the message's own clientmsgid reaches them all; a sendall
/// WeChat refuses for want of quota sends the tagged rows on to the next route (see <see cref="SendToTagAsync"/>).
/// Followers a mass send cannot reach go by customer-service message where WeChat allows it (see
/// <see cref="SendCustomerServiceAsync"/>), else by SMS where there is a phone, else they fail with the reason.
/// </summary>
public sealed class CampaignSender(
    IDbContextFactory<PolicyAssistantDbContext> dbFactory,
    IServiceScopeFactory scopes,
    PersonalDataProtector protector,
    IOptions<CampaignOptions> options,
    TimeProvider clock,
    ILogger<CampaignSender> logger)
{
    private static readonly HashSet<int> TransientWeChatErrors = [-1, 45009, 45033];

    /// <summary>WeChat's answers that a customer-service message cannot go to this follower now: it was not sent, so SMS may carry it.</summary>
    private static readonly HashSet<int> OutsideCustomerServiceWindow =
        [WeChatApiException.ResponseOutOfTimeLimit, WeChatApiException.OutOfResponseCountLimit, WeChatApiException.RequireSubscribe];

    private const string UnknownOutcome = "微信未应答或发送中断，是否送达未知；该消息微信无法去重，为免重复未再发送";

    /// <summary>Rows still to go: queued, in flight, or waiting under their tag for the send to it.</summary>
    private static readonly Expression<Func<CampaignRecipient, bool>> StillToGo =
        r => r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Sending || r.Status == RecipientStatus.Tagged;

    /// <summary>Marks the key of tagged rows whose send to the tag WeChat refused for want of quota: they take the next route.</summary>
    private const string NoQuotaKeyPrefix = "noquota-";

    private sealed record Follower(string OpenId, DateTime LastMessageAt);

    public string InstanceName { get; } = ColumnText.Truncate(options.Value.InstanceName ?? $"{Guid.NewGuid():N}-{Environment.ProcessId}-{Environment.MachineName}", 64);

    private CampaignOptions Options => options.Value;

    /// <summary>Claims up to <paramref name="max"/> due rows of the channel across the messages being sent, and sends them; returns how many it claimed.</summary>
    public async Task<int> SendDueAsync(RecipientChannel channel, int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var messages = await db.Set<CampaignMessage>().AsNoTracking()
            .Where(m => m.Status == CampaignMessageStatus.Sending)
            .OrderBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var claimed = 0;
        foreach (var message in messages)
        {
            while (claimed < max)
            {
                var rows = await ClaimAsync(db, message.Id, channel, max - claimed, cancellationToken);
                if (rows.Count == 0)
                {
                    break;
                }

                claimed += rows.Count;
                await (channel switch
                {
                    RecipientChannel.WeChat => SendWeChatAsync(db, message, rows, cancellationToken),
                    RecipientChannel.CustomerService => SendCustomerServiceAsync(db, message, rows, cancellationToken),
                    _ => SendSmsAsync(db, message, rows, cancellationToken),
                });
            }

            if (channel == RecipientChannel.WeChat && ByTag(message))
            {
                await SendToTagAsync(db, message, cancellationToken);
            }
        }

        return claimed;
    }

    /// <summary>A subscription account has no mass send by OpenID list: its mass sends go to a tag made for the message.</summary>
    private bool ByTag(CampaignMessage message) => Options.WeChatAccount == WeChatAccountKind.Subscription && message.WeChatKind != WeChatMessageKind.Template;

    /// <summary>
    /// One claim: first a lapsed or retried call as a whole (its rows share its key and go again together),
    /// else fresh rows under a new key. Returns the rows now leased to this instance.
    /// </summary>
    public async Task<IReadOnlyList<ClaimedRecipient>> ClaimAsync(PolicyAssistantDbContext db, int messageId, RecipientChannel channel, int max, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var lease = now + (long)Options.Lease.TotalMilliseconds;
        var postgres = db.Database.IsNpgsql();
        var due = $"""("Status" = {(int)RecipientStatus.Queued} AND "NextAttemptAt" <= {"{3}"}) OR ("Status" = {(int)RecipientStatus.Sending} AND "LeaseUntil" <= {"{3}"})""";
        var common = new object[] { messageId, (int)channel, InstanceName, now, lease };

        var set = $"""SET "Status" = {(int)RecipientStatus.Sending}, "ClaimedBy" = {"{2}"}, "LeaseUntil" = {"{4}"}, "Attempts" = "Attempts" + 1""";
        var ofChannel = $"""FROM "CampaignRecipients" WHERE "MessageId" = {"{0}"} AND "Channel" = {"{1}"} AND ({due})""";
        if (channel == RecipientChannel.WeChat)
        {
            // A whole earlier call, or nothing: its rows share its key and go again together. A rival taking the
            // same call is waited for (no SKIP LOCKED), and then its rows are no longer due: a call is never split.
            var again = await RunClaimAsync(db, postgres ? " FOR UPDATE" : null, $"""SELECT "Id" {ofChannel} AND "SendKey" = (SELECT "SendKey" {ofChannel} AND "SendKey" IS NOT NULL ORDER BY "Id" LIMIT 1)""",
                set, due, common, cancellationToken);
            if (again.Count > 0)
            {
                return again;
            }
        }

        // A customer-service message has no key WeChat would know: its rows are marked one by one instead (HandedOverAt).
        var key = channel switch
        {
            RecipientChannel.WeChat => "{5}",
            RecipientChannel.Sms => postgres ? "'cmp-' || CAST(\"Id\" AS TEXT)" : "'cmp-' || \"Id\"",
            _ => "NULL",
        };
        var size = Math.Min(max, channel switch
        {
            RecipientChannel.WeChat => Math.Min(Options.WeChatBatchSize, WeChatLimits.MaxOpenIdsPerMassSend),
            RecipientChannel.CustomerService => Options.CustomerServiceBatchSize,
            _ => Options.SmsBatchSize,
        });
        var fresh = channel == RecipientChannel.WeChat ? "AND \"SendKey\" IS NULL " : "";
        return await RunClaimAsync(db, postgres ? " FOR UPDATE SKIP LOCKED" : null, $"""SELECT "Id" {ofChannel} {fresh}ORDER BY "Id" LIMIT {size.ToString(CultureInfo.InvariantCulture)}""",
            $"""{set}, "SendKey" = COALESCE("SendKey", {key})""", due, [.. common, $"m{messageId}-{Guid.NewGuid():N}"], cancellationToken);
    }

    /// <summary>
    /// Leases the picked rows that are still due, in one statement. PostgreSQL picks in a materialised CTE with
    /// row locks: a subquery under IN may be run again per row and return more than its LIMIT.
    /// SQLite runs the plain UPDATE, which its write gate holds for the statement (it starts with UPDATE).
    /// </summary>
    private static async Task<IReadOnlyList<ClaimedRecipient>> RunClaimAsync(
        PolicyAssistantDbContext db, string? postgresLocking, string pick, string set, string due, object[] parameters, CancellationToken cancellationToken)
    {
        const string Returning = """RETURNING "Id", "MemberId", "SendKey", "Attempts", "HandedOverAt" """;
        var sql = postgresLocking is not null
            ? $"""WITH picked AS MATERIALIZED ({pick}{postgresLocking}) UPDATE "CampaignRecipients" {set} WHERE "Id" IN (SELECT "Id" FROM picked) AND ({due}) {Returning}"""
            : $"""UPDATE "CampaignRecipients" {set} WHERE "Id" IN ({pick}) AND ({due}) {Returning}""";
        return await db.Database.SqlQueryRaw<ClaimedRecipient>(sql, parameters).ToListAsync(cancellationToken);
    }

    private async Task SendWeChatAsync(PolicyAssistantDbContext db, CampaignMessage message, IReadOnlyList<ClaimedRecipient> rows, CancellationToken cancellationToken)
    {
        var followers = await FollowersAsync(db, rows, cancellationToken);
        var reachable = rows.Where(r => followers.ContainsKey(r.MemberId)).ToList();
        // Unfollowed since the audience was taken, a lone recipient an OpenID-list mass send cannot carry, or tagged rows whose
        // send to the tag was refused for want of quota (SendToTagAsync): the next route.
        var elsewhere = (reachable.Count < WeChatLimits.MinOpenIdsPerMassSend && message.WeChatKind != WeChatMessageKind.Template && !ByTag(message))
            || rows[0].SendKey?.StartsWith(NoQuotaKeyPrefix, StringComparison.Ordinal) == true
            ? rows
            : rows.Where(r => !followers.ContainsKey(r.MemberId)).ToList();
        await RerouteAsync(db, message, elsewhere, followers, cancellationToken);
        var sending = rows.Except(elsewhere).ToList();
        if (sending.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<WeChatApiClient>();
        if (message.WeChatKind == WeChatMessageKind.Template)
        {
            await SendTemplatesAsync(db, api, message, sending, followers, cancellationToken);
            return;
        }

        if (ByTag(message))
        {
            await TagAsync(db, api, message, sending, followers, cancellationToken);
            return;
        }

        var ids = sending.Select(r => r.Id).ToList();
        try
        {
            var result = await api.SendMassByOpenIdsAsync(sending.Select(r => followers[r.MemberId].OpenId).ToList(), MassContent(message), cancellationToken, sending[0].SendKey);
            await MarkSentAsync(db, ids, result.MsgId, cancellationToken);
        }
        catch (WeChatApiException exception) when (TransientWeChatErrors.Contains(exception.ErrorCode))
        {
            // Refused for now, so not sent: the rows keep their key and go again together.
            await RetryAsync(db, sending, $"微信暂时拒绝：{exception.ErrorCode}", cancellationToken);
        }
        catch (WeChatApiException exception) when (exception.ErrorCode == WeChatApiException.NoMassSendQuota)
        {
            // Not sent, and WeChat will not carry it: the followers take the next route, as those past their four do.
            await RerouteAsync(db, message, sending, followers, cancellationToken);
        }
        catch (WeChatApiException exception)
        {
            await FailAsync(db, ids, $"微信拒绝：{exception.ErrorCode} {exception.ErrorMessage}", cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // No answer: it may have gone. The same clientmsgid goes again, and WeChat does not send it twice.
            logger.LogWarning("Mass send of message {MessageId} got no answer; it is retried under the same clientmsgid.", message.Id);
            await RetryAsync(db, sending, "微信未应答，稍后以同一编号重试", cancellationToken);
        }
    }

    /// <summary>A mass send's content: the article, or the text (the same for all, so it says 您 for "{姓名}").</summary>
    private static WeChatMassMessage MassContent(CampaignMessage message) => message.WeChatKind == WeChatMessageKind.MassNews
        ? WeChatMassMessage.News(message.WeChatMediaOrTemplateId!)
        : WeChatMassMessage.Text(Personalise(message.Body, null));

    /// <summary>
    /// Subscription account: puts the rows' followers under the message's tag (made on first need), in calls of 50, and marks
    /// the rows tagged; <see cref="SendToTagAsync"/> sends once none is left to tag. Tagging a follower again changes nothing,
    /// so a batch whose call went unanswered, or whose claim lapsed in a crash, is simply tagged again.
    /// </summary>
    private async Task TagAsync(PolicyAssistantDbContext db, WeChatApiClient api, CampaignMessage message, IReadOnlyList<ClaimedRecipient> rows, Dictionary<int, Follower> followers, CancellationToken cancellationToken)
    {
        var ids = rows.Select(r => r.Id).ToList();
        try
        {
            message.WeChatTagId ??= await TagOfAsync(db, api, message, cancellationToken);
            await api.TagUsersAsync(message.WeChatTagId.Value, rows.Select(r => followers[r.MemberId].OpenId).ToList(), cancellationToken);
            await db.Set<CampaignRecipient>().Where(r => ids.Contains(r.Id) && r.ClaimedBy == InstanceName && r.Status == RecipientStatus.Sending)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RecipientStatus.Tagged).SetProperty(r => r.LeaseUntil, (long?)null).SetProperty(r => r.Error, (string?)null), cancellationToken);
        }
        catch (WeChatApiException exception) when (TransientWeChatErrors.Contains(exception.ErrorCode))
        {
            await RetryAsync(db, rows, $"微信暂时拒绝打标签：{exception.ErrorCode}", cancellationToken);
        }
        catch (WeChatApiException exception)
        {
            await FailAsync(db, ids, $"微信拒绝打标签：{exception.ErrorCode} {exception.ErrorMessage}", cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await RetryAsync(db, rows, "微信未应答，稍后重新打标签", cancellationToken);
        }
    }

    /// <summary>
    /// The message's tag: the one stored, else a new one by the message's own name. WeChat answering that the name is taken
    /// means an earlier try (or another instance) made it and its id was not stored yet: it is looked up by name. The first id
    /// stored stands.
    /// </summary>
    private static async Task<int> TagOfAsync(PolicyAssistantDbContext db, WeChatApiClient api, CampaignMessage message, CancellationToken cancellationToken)
    {
        var stored = db.Set<CampaignMessage>().Where(m => m.Id == message.Id);
        if (await stored.Select(m => m.WeChatTagId).FirstAsync(cancellationToken) is { } known)
        {
            return known;
        }

        var name = message.WeChatTagName();
        int tagId;
        try
        {
            tagId = await api.CreateTagAsync(name, cancellationToken);
        }
        catch (WeChatApiException exception) when (exception.ErrorCode == WeChatApiException.TagNameExists)
        {
            tagId = (await api.GetTagsAsync(cancellationToken)).FirstOrDefault(t => t.Name == name)?.Id
                ?? throw new WeChatApiException(exception.ErrorCode, $"标签“{name}”已存在却查不到");
        }

        await stored.Where(m => m.WeChatTagId == null).ExecuteUpdateAsync(s => s.SetProperty(m => m.WeChatTagId, tagId), cancellationToken);
        return await stored.Select(m => m.WeChatTagId!.Value).FirstAsync(cancellationToken);
    }

    /// <summary>
    /// Subscription account: once none of the message's WeChat rows is left to tag, the one mass send to its tag (sendall), under
    /// a clientmsgid of the message's own. Sent again after a crash or an unanswered call, WeChat answers 45065 and sends nothing
    /// twice; either way the tagged rows are recorded as sent, and MASSSENDJOBFINISH later settles them by the msg_id.
    /// Refused for want of quota (45028), nothing went: the tagged rows go back to the queue marked for the next route (customer
    /// service within 48 hours, else SMS), and their tag, which no send will read, is deleted by <see cref="DeleteSpentTagsAsync"/>.
    /// </summary>
    private async Task SendToTagAsync(PolicyAssistantDbContext db, CampaignMessage message, CancellationToken cancellationToken)
    {
        var rows = db.Set<CampaignRecipient>().Where(r => r.MessageId == message.Id && r.Channel == RecipientChannel.WeChat);
        var tagged = rows.Where(r => r.Status == RecipientStatus.Tagged);
        if (!await tagged.AnyAsync(cancellationToken) || await rows.AnyAsync(r => r.Status == RecipientStatus.Queued || r.Status == RecipientStatus.Sending, cancellationToken))
        {
            return;
        }

        var tagId = await db.Set<CampaignMessage>().Where(m => m.Id == message.Id).Select(m => m.WeChatTagId).FirstAsync(cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<WeChatApiClient>();
        try
        {
            var result = await api.SendMassByTagAsync(tagId!.Value, MassContent(message), cancellationToken, $"m{message.Id}-tag{tagId}");
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await tagged.ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RecipientStatus.Sent)
                .SetProperty(r => r.ProviderMessageId, result.MsgId)
                .SetProperty(r => r.SentAt, now), cancellationToken);
        }
        catch (WeChatApiException exception) when (TransientWeChatErrors.Contains(exception.ErrorCode))
        {
            logger.LogWarning("Mass send of message {MessageId} to its tag refused for now ({ErrorCode}); tried again on the next round.", message.Id, exception.ErrorCode);
        }
        catch (WeChatApiException exception) when (exception.ErrorCode == WeChatApiException.NoMassSendQuota)
        {
            // Why back to the queue under a marked key rather than rerouted here: the WeChat claim then takes them a tagging
            // batch at a time (each batch's key marked alike) under a lease, and SendWeChatAsync reroutes them; rows of an
            // instance that died rerouting are taken over and rerouted too, never tagged and sent to the tag again, which would
            // reach the followers already rerouted a second time once the quota is back. Queued rows also hold off the sendall.
            logger.LogWarning("Mass send of message {MessageId} to its tag refused for want of quota; its followers take the next route.", message.Id);
            var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
            await tagged.ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RecipientStatus.Queued)
                .SetProperty(r => r.SendKey, r => NoQuotaKeyPrefix + r.SendKey)
                .SetProperty(r => r.NextAttemptAt, now), cancellationToken);
        }
        catch (WeChatApiException exception)
        {
            await tagged.ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RecipientStatus.Failed)
                .SetProperty(r => r.Error, Reason($"微信拒绝：{exception.ErrorCode} {exception.ErrorMessage}")), cancellationToken);
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Mass send of message {MessageId} to its tag got no answer; it goes again under the same clientmsgid.", message.Id);
        }
    }

    /// <summary>
    /// Template messages have no idempotency key: each row is marked handed over before its call, and one found
    /// again with the mark (its call went unanswered, or its claim lapsed after the call) is recorded as unknown
    /// rather than sent twice; rows of the batch not yet called go normally.
    /// </summary>
    private async Task SendTemplatesAsync(PolicyAssistantDbContext db, WeChatApiClient api, CampaignMessage message, IReadOnlyList<ClaimedRecipient> rows, Dictionary<int, Follower> followers, CancellationToken cancellationToken)
    {
        var fields = WeChatLimits.TemplateFields(message.Body);
        await FailAsync(db, rows.Where(r => r.HandedOverAt is not null).Select(r => r.Id).ToList(), UnknownOutcome, cancellationToken);
        foreach (var row in rows.Where(r => r.HandedOverAt is null))
        {
            // The recipient's own link: opening it is how the row becomes read.
            var token = Options.PublicBaseUrl is null ? null : CampaignLinks.NewToken();
            if (!await HandOverAsync(db, row.Id, cancellationToken, token))
            {
                continue;
            }

            try
            {
                var url = token is null ? null : CampaignLinks.LinkOf(Options.PublicBaseUrl!, token).ToString();
                var msgId = await api.SendTemplateMessageAsync(followers[row.MemberId].OpenId, message.WeChatMediaOrTemplateId!, fields, url, cancellationToken);
                await MarkSentAsync(db, [row.Id], msgId, cancellationToken);
            }
            catch (WeChatApiException exception)
            {
                await FailAsync(db, [row.Id], $"微信拒绝：{exception.ErrorCode} {exception.ErrorMessage}", cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await FailAsync(db, [row.Id], UnknownOutcome, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Customer-service messages (to followers a mass send cannot reach, who wrote within 48 hours) carry no
    /// clientmsgid, so WeChat cannot tell a repeat. Each row is therefore marked handed over (HandedOverAt) in its
    /// own statement before its call: a crash between WeChat's accept and our record leaves the mark, and the
    /// instance that takes the row over records the outcome as unknown instead of sending again. At most once on
    /// this route: a household told twice is worse than a row the statistics show as unknown. A refusal WeChat
    /// answered was not sent: out of the window or unfollowed moves on to SMS, a busy answer is retried.
    /// </summary>
    private async Task SendCustomerServiceAsync(PolicyAssistantDbContext db, CampaignMessage message, IReadOnlyList<ClaimedRecipient> rows, CancellationToken cancellationToken)
    {
        await FailAsync(db, rows.Where(r => r.HandedOverAt is not null).Select(r => r.Id).ToList(), UnknownOutcome, cancellationToken);
        var fresh = rows.Where(r => r.HandedOverAt is null).ToList();
        var followers = await FollowersAsync(db, fresh, cancellationToken);
        var inWindow = fresh.Where(r => followers.TryGetValue(r.MemberId, out var follower) && InCustomerServiceWindow(follower)).ToList();
        await FallBackToSmsAsync(db, message, fresh.Except(inWindow).ToList(), cancellationToken);
        if (inWindow.Count == 0)
        {
            return;
        }

        var memberIds = inWindow.Select(r => r.MemberId).ToList();
        var names = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, cancellationToken);
        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<WeChatApiClient>();
        foreach (var row in inWindow)
        {
            // A text sent to one person can carry their own link, as a template message does: opening it is the only
            // sign of reading there is (an article card's link is the article's, the same for everyone).
            var token = message.WeChatKind == WeChatMessageKind.MassText && Options.PublicBaseUrl is not null ? CampaignLinks.NewToken() : null;
            if (!await HandOverAsync(db, row.Id, cancellationToken, token))
            {
                continue;
            }

            // One person at a time, so the text can greet them by name as an SMS does.
            var text = Personalise(message.Body, names.GetValueOrDefault(row.MemberId));
            var content = message.WeChatKind == WeChatMessageKind.MassNews
                ? WeChatMassMessage.News(message.WeChatMediaOrTemplateId!)
                : WeChatMassMessage.Text(token is null ? text : $"{text}\n{CampaignLinks.TextLabel}{CampaignLinks.LinkOf(Options.PublicBaseUrl!, token)}");
            try
            {
                await api.SendCustomerServiceMessageAsync(followers[row.MemberId].OpenId, content, cancellationToken);
                await MarkSentAsync(db, [row.Id], null, cancellationToken);
            }
            catch (WeChatApiException exception) when (OutsideCustomerServiceWindow.Contains(exception.ErrorCode))
            {
                await FallBackToSmsAsync(db, message, [row], cancellationToken);
            }
            catch (WeChatApiException exception) when (TransientWeChatErrors.Contains(exception.ErrorCode))
            {
                await RetryAsync(db, [row], $"微信暂时拒绝：{exception.ErrorCode}", cancellationToken);
            }
            catch (WeChatApiException exception)
            {
                await FailAsync(db, [row.Id], $"微信拒绝：{exception.ErrorCode} {exception.ErrorMessage}", cancellationToken);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                await FailAsync(db, [row.Id], UnknownOutcome, cancellationToken);
            }
        }
    }

    /// <summary>Marks a claimed row as about to be called (with the read token its link will carry); false when this instance no longer holds it.</summary>
    private async Task<bool> HandOverAsync(PolicyAssistantDbContext db, long id, CancellationToken cancellationToken, string? readToken = null)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return await db.Set<CampaignRecipient>().Where(r => r.Id == id && r.ClaimedBy == InstanceName && r.Status == RecipientStatus.Sending && r.HandedOverAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HandedOverAt, now).SetProperty(r => r.ReadToken, readToken), cancellationToken) == 1;
    }

    /// <summary>The members' followers who still follow the account, by member (the latest writer where a member has two).</summary>
    private async Task<Dictionary<int, Follower>> FollowersAsync(PolicyAssistantDbContext db, IReadOnlyList<ClaimedRecipient> rows, CancellationToken cancellationToken)
    {
        var memberIds = rows.Select(r => r.MemberId).ToList();
        var followers = await (
            from binding in db.Set<IdentityBinding>()
            join follower in db.Set<WeChatFollower>() on binding.UserKeyHash equals follower.UserKeyHash
            where binding.ChannelId == WeChatAdapter.ChannelId && memberIds.Contains(binding.MemberId) && follower.Subscribed
            select new { binding.MemberId, follower.OpenIdCiphertext, follower.LastMessageAt })
            .ToListAsync(cancellationToken);
        return followers.GroupBy(f => f.MemberId).ToDictionary(g => g.Key, g =>
        {
            var latest = g.MaxBy(f => f.LastMessageAt)!;
            return new Follower(protector.Unprotect(WeChatFollower.OpenIdPurpose, latest.OpenIdCiphertext), latest.LastMessageAt);
        });
    }

    private bool InCustomerServiceWindow(Follower follower) => clock.GetUtcNow().UtcDateTime - follower.LastMessageAt <= WeChatLimits.CustomerServiceWindow;

    /// <summary>
    /// Rows WeChat's own push cannot carry take the next route: a customer-service message to a follower who wrote
    /// within 48 hours (not for a template message, whose fields are no text), else SMS.
    /// </summary>
    private async Task RerouteAsync(PolicyAssistantDbContext db, CampaignMessage message, IReadOnlyList<ClaimedRecipient> rows, Dictionary<int, Follower> followers, CancellationToken cancellationToken)
    {
        var byCustomerService = message.WeChatKind == WeChatMessageKind.Template
            ? []
            : rows.Where(r => followers.TryGetValue(r.MemberId, out var follower) && InCustomerServiceWindow(follower)).ToList();
        await MoveAsync(db, byCustomerService.Select(r => r.Id).ToList(), RecipientChannel.CustomerService, cancellationToken);
        await FallBackToSmsAsync(db, message, rows.Except(byCustomerService).ToList(), cancellationToken);
    }

    private async Task FallBackToSmsAsync(PolicyAssistantDbContext db, CampaignMessage message, IReadOnlyList<ClaimedRecipient> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        var ids = rows.Select(r => r.Id).ToList();
        var memberIds = rows.Select(r => r.MemberId).ToList();
        var withPhone = await db.Set<Member>().Where(m => memberIds.Contains(m.Id) && m.PhoneCiphertext != null).Select(m => m.Id).ToListAsync(cancellationToken);
        var movable = message.Audience.Channels.HasFlag(CampaignChannels.Sms) ? rows.Where(r => withPhone.Contains(r.MemberId)).Select(r => r.Id).ToList() : [];
        await MoveAsync(db, movable, RecipientChannel.Sms, cancellationToken);
        await FailAsync(db, ids.Except(movable).ToList(),
            message.Audience.Channels.HasFlag(CampaignChannels.Sms) ? "微信发不到（未关注、本月群发已满或48小时内没发过消息）且没有手机号" : "微信发不到（未关注、本月群发已满或48小时内没发过消息），本消息不发短信",
            cancellationToken);
    }

    /// <summary>Back to the queue on another route at once, with a fresh count of attempts.</summary>
    private Task MoveAsync(PolicyAssistantDbContext db, List<long> ids, RecipientChannel channel, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return ids.Count == 0 ? Task.CompletedTask : db.Set<CampaignRecipient>().Where(r => ids.Contains(r.Id) && r.ClaimedBy == InstanceName && r.Status == RecipientStatus.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Channel, channel)
                .SetProperty(r => r.Status, RecipientStatus.Queued)
                .SetProperty(r => r.SendKey, (string?)null)
                .SetProperty(r => r.HandedOverAt, (long?)null)
                .SetProperty(r => r.Attempts, 0)
                .SetProperty(r => r.LeaseUntil, (long?)null)
                .SetProperty(r => r.NextAttemptAt, now), cancellationToken);
    }

    private async Task SendSmsAsync(PolicyAssistantDbContext db, CampaignMessage message, IReadOnlyList<ClaimedRecipient> rows, CancellationToken cancellationToken)
    {
        var memberIds = rows.Select(r => r.MemberId).ToList();
        var members = await db.Set<Member>().AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        var handing = new List<(long RowId, SmsCampaignText Text)>();
        var failed = new List<long>();
        foreach (var row in rows)
        {
            var member = members.GetValueOrDefault(row.MemberId);
            if (member?.RevealPhone(protector) is not { } phone)
            {
                failed.Add(row.Id);
                continue;
            }

            handing.Add((row.Id, new SmsCampaignText(row.SendKey!, phone.Value, Personalise(message.SmsBody(), member.Name))));
        }

        // Queued under each row's key, all in one call: a second hand-over after a crash finds them queued already.
        await using var scope = scopes.CreateAsyncScope();
        var results = await scope.ServiceProvider.GetRequiredService<SmsQueue>().EnqueueCampaignsAsync(handing.Select(h => h.Text).ToList(), cancellationToken);
        var handed = new List<long>();
        var optedOut = new List<long>();
        for (var i = 0; i < handing.Count; i++)
        {
            (results[i] is SmsEnqueueResult.Skipped ? optedOut : results[i] is SmsEnqueueResult.InvalidPhoneNumber ? failed : handed).Add(handing[i].RowId);
        }

        await MarkSentAsync(db, handed, null, cancellationToken);
        await FinishAsync(db, optedOut, RecipientStatus.OptedOut, "已回复退订", cancellationToken);
        await FailAsync(db, failed, "没有有效的手机号", cancellationToken);
    }

    /// <summary>The body with "{姓名}" filled in; without a name (a mass send reads the same for all) it says 您.</summary>
    public static string Personalise(string body, string? name) => body.Replace("{姓名}", name ?? "您", StringComparison.Ordinal);

    private Task MarkSentAsync(PolicyAssistantDbContext db, List<long> ids, string? providerMessageId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return ids.Count == 0 ? Task.CompletedTask : db.Set<CampaignRecipient>().Where(r => ids.Contains(r.Id) && r.ClaimedBy == InstanceName && r.Status == RecipientStatus.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RecipientStatus.Sent)
                .SetProperty(r => r.ProviderMessageId, providerMessageId)
                .SetProperty(r => r.SentAt, now)
                .SetProperty(r => r.LeaseUntil, (long?)null)
                .SetProperty(r => r.Error, (string?)null), cancellationToken);
    }

    private Task FailAsync(PolicyAssistantDbContext db, List<long> ids, string reason, CancellationToken cancellationToken) =>
        FinishAsync(db, ids, RecipientStatus.Failed, reason, cancellationToken);

    private Task FinishAsync(PolicyAssistantDbContext db, List<long> ids, RecipientStatus status, string reason, CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.CompletedTask : db.Set<CampaignRecipient>().Where(r => ids.Contains(r.Id) && r.ClaimedBy == InstanceName && r.Status == RecipientStatus.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.LeaseUntil, (long?)null)
                .SetProperty(r => r.Error, Reason(reason)), cancellationToken);

    // WeChat's errmsg is of any length: every reason is cut to the column here, once, not at each caller.
    private static string Reason(string reason) => ColumnText.Truncate(reason, CampaignRecipient.MaxErrorLength);

    /// <summary>
    /// Back to the queue after a back-off, keeping the call's key: the rows go again together under it. Only for
    /// calls WeChat refused or that carry a clientmsgid, so a hand-over mark is cleared: nothing can arrive twice.
    /// </summary>
    private async Task RetryAsync(PolicyAssistantDbContext db, IReadOnlyList<ClaimedRecipient> rows, string reason, CancellationToken cancellationToken)
    {
        var attempts = rows.Max(r => r.Attempts);
        var ids = rows.Select(r => r.Id).ToList();
        if (attempts >= Options.MaxAttempts)
        {
            await FailAsync(db, ids, reason + $"（已试{attempts}次）", cancellationToken);
            return;
        }

        var next = clock.GetUtcNow().ToUnixTimeMilliseconds() + (long)(Options.FirstRetryDelay.TotalMilliseconds * Math.Pow(2, attempts - 1));
        await db.Set<CampaignRecipient>().Where(r => ids.Contains(r.Id) && r.ClaimedBy == InstanceName && r.Status == RecipientStatus.Sending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, RecipientStatus.Queued)
                .SetProperty(r => r.HandedOverAt, (long?)null)
                .SetProperty(r => r.NextAttemptAt, next)
                .SetProperty(r => r.LeaseUntil, (long?)null)
                .SetProperty(r => r.Error, Reason(reason)), cancellationToken);
    }


    /// <summary>
    /// Deletes the tags of mass sends done with them, as WeChat allows an account 100 tags and a follower 20: once
    /// MASSSENDJOBFINISH has reported the send (the job no longer reads the tag), or no send went and none will: the message
    /// was cancelled, or none of its WeChat rows is left queued, in flight or tagged (the send to the tag was refused for want
    /// of quota and its followers rerouted, or every row failed). A tag WeChat no longer knows counts as deleted; one WeChat
    /// refuses now is tried again next time.
    /// </summary>
    public async Task DeleteSpentTagsAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var weChat = db.Set<CampaignRecipient>().Where(r => r.Channel == RecipientChannel.WeChat);
        var sent = weChat.Where(r => r.Status == RecipientStatus.Sent || r.Status == RecipientStatus.Delivered || r.Status == RecipientStatus.Read);
        var waiting = weChat.Where(StillToGo);
        var spent = await db.Set<CampaignMessage>()
            .Where(m => m.WeChatTagId != null && (m.MassSendReported.TotalCount > 0
                || (!sent.Any(r => r.MessageId == m.Id) && (m.Status == CampaignMessageStatus.Cancelled || !waiting.Any(r => r.MessageId == m.Id)))))
            .Select(m => new { m.Id, TagId = m.WeChatTagId!.Value })
            .ToListAsync(cancellationToken);
        if (spent.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var api = scope.ServiceProvider.GetRequiredService<WeChatApiClient>();
        foreach (var message in spent)
        {
            try
            {
                await api.DeleteTagAsync(message.TagId, cancellationToken);
            }
            catch (WeChatApiException exception) when (exception.ErrorCode == WeChatApiException.InvalidTagId)
            {
                // Deleted already (an earlier try whose record was lost): nothing left to do on WeChat's side.
            }
            catch (Exception exception) when (exception is WeChatApiException or HttpRequestException)
            {
                logger.LogWarning("The tag of message {MessageId} could not be deleted yet ({Error}).", message.Id, exception.GetType().Name);
                continue;
            }

            await db.Set<CampaignMessage>().Where(m => m.Id == message.Id && m.WeChatTagId == message.TagId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.WeChatTagId, (int?)null), cancellationToken);
        }
    }

    /// <summary>Marks messages with nothing left queued, in flight or waiting under their tag as completed.</summary>
    public async Task CompleteFinishedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stillToGo = db.Set<CampaignRecipient>().Where(StillToGo);
        await db.Set<CampaignMessage>()
            .Where(m => m.Status == CampaignMessageStatus.Sending && !stillToGo.Any(r => r.MessageId == m.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CampaignMessageStatus.Completed), cancellationToken);
    }
}
