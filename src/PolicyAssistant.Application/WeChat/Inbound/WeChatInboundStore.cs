using System.Globalization;
using PolicyAssistant.Application.WeChat.Protocol;

namespace PolicyAssistant.Application.WeChat.Inbound;

/// <summary>Where a message's answer stands: what the requests waiting on it need of its row.</summary>
public sealed record WeChatInboundProgress(WeChatInboundState State, string? ReplyXml);

/// <summary>
/// The rows of <see cref="WeChatInboundMessage"/> as <see cref="WeChatReplyCoordinator"/> moves them along: the claim and its
/// lease, the stored answer, the slow paths (deferred, owed to the next message) and their settling. Every statement is
/// conditional on the state it expects, so instances and retries racing on one row each see one outcome.
/// </summary>
public sealed class WeChatInboundStore(IDbContextFactory<PolicyAssistantDbContext> databases, TimeProvider clock)
{
    /// <summary>Inserts the message's row or counts one more attempt; see <see cref="WeChatInboundClaims.ClaimWeChatInboundAsync"/>.</summary>
    public async Task<WeChatInboundClaim> ClaimAsync(
        string dedupeKey, string userKeyHash, string signatureKey, DateTimeOffset receivedAt, string leaseOwner, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.ClaimWeChatInboundAsync(dedupeKey, userKeyHash, signatureKey, receivedAt, leaseOwner, leaseUntil, cancellationToken);
    }

    public async Task RenewLeaseAsync(long id, string leaseOwner, DateTimeOffset until, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.Set<WeChatInboundMessage>()
            .Where(m => m.Id == id && m.LeaseOwner == leaseOwner)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntil, until), cancellationToken);
    }

    /// <summary>Lets a retry take over turns this instance gives up, at once, instead of when their leases run out.</summary>
    public async Task ReleaseLeasesAsync(IReadOnlyCollection<long> ids)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        await db.Set<WeChatInboundMessage>()
            .Where(m => ids.Contains(m.Id) && m.ReplyXml == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.LeaseUntil, (DateTimeOffset?)null), CancellationToken.None);
    }

    /// <summary>
    /// Stores the rendered answer, with any answers still owed to the user folded in front of it. Deferred
    /// is true when a request had already taken the slow path, so the answer has to be delivered some other way.
    /// An answer first owed during this turn rides on the user's next message instead.
    /// </summary>
    /// <returns>Null as the reply when another claim took the turn over meanwhile: its answer counts, so this one is not stored.</returns>
    public async Task<(WeChatReply? Reply, bool Deferred, string Xml)> StoreAnswerAsync(
        WeChatInboundClaim claim, string leaseOwner, string userKeyHash, WeChatRequestMessage message, Activity activity, WeChatReply reply, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (activity.Type != ActivityTypes.Message || !claim.AnswersOwed)
        {
            return await StoreAsync(db, claim.Id, leaseOwner, message, reply, cancellationToken);
        }

        // The owed answers are taken and this answer stored together: when the turn was taken over meanwhile (this
        // instance paused past its lease), nothing is stored, and the owed answers stay for the turn that took it over.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var owed = await ClaimOwedAnswersAsync(db.Set<WeChatInboundMessage>(), userKeyHash, claim.Id, cancellationToken);
        if (owed.Count > 0) reply = new WeChatTextReply(string.Join("\n\n", owed.Append(reply.AsText()).OfType<string>()));
        var stored = await StoreAsync(db, claim.Id, leaseOwner, message, reply, cancellationToken);
        if (stored.Reply is not null) await transaction.CommitAsync(cancellationToken);
        return stored;
    }

    private async Task<(WeChatReply? Reply, bool Deferred, string Xml)> StoreAsync(
        PolicyAssistantDbContext db, long id, string leaseOwner, WeChatRequestMessage message, WeChatReply reply, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var xml = WeChatReplyRenderer.Render(reply, message.FromUserName, message.ToUserName, now.ToUnixTimeSeconds());
        var text = reply.AsText();
        var answeredAtMs = now.ToUnixTimeMilliseconds(); // as UtcTimestampConverter stores it
        const string pending = nameof(WeChatInboundState.Pending);

        // Plain SQL, grouped with other messages' writes: every message writes here.
        Task<int> Store(bool whilePending) => db.ExecuteGroupedAsync($"""
            UPDATE "WeChatInboundMessages" SET "ReplyXml" = {xml}, "ReplyText" = {text}, "AnsweredAt" = {answeredAtMs}
            WHERE "Id" = {id} AND "LeaseOwner" = {leaseOwner} AND ({!whilePending} OR "State" = {pending})
            """, cancellationToken);

        // Usually no request has given up yet: one conditional write stores the answer for the passive reply.
        if (await Store(whilePending: true) == 1) return (reply, false, xml);
        return await Store(whilePending: false) == 1 ? (reply, true, xml) : (null, false, xml);
    }

    private static async Task<List<string>> ClaimOwedAnswersAsync(DbSet<WeChatInboundMessage> messages, string userKeyHash, long currentId, CancellationToken cancellationToken)
    {
        var owed = await messages
            .Where(m => m.UserKeyHash == userKeyHash && m.State == WeChatInboundState.AwaitingNextMessage && m.ReplyXml != null && m.Id != currentId)
            .OrderBy(m => m.Id)
            .Select(m => new { m.Id, m.ReplyText })
            .ToListAsync(cancellationToken);

        var texts = new List<string>();
        foreach (var answer in owed)
        {
            var claimed = await messages.Where(m => m.Id == answer.Id && m.State == WeChatInboundState.AwaitingNextMessage)
                .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, WeChatInboundState.Delivered), cancellationToken);
            if (claimed == 1 && !string.IsNullOrEmpty(answer.ReplyText)) texts.Add(answer.ReplyText);
        }

        return texts;
    }

    /// <summary>Takes the slow path, unless the answer was stored first.</summary>
    public async Task<bool> DeferAsync(long id, WeChatInboundState deferral)
    {
        await using var db = await databases.CreateDbContextAsync();
        return await db.Set<WeChatInboundMessage>().Where(m => m.Id == id && m.State == WeChatInboundState.Pending && m.ReplyXml == null)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, deferral)) == 1;
    }

    public async Task<WeChatInboundProgress> ReadAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<WeChatInboundMessage>()
            .Where(m => m.Id == id).Select(m => new WeChatInboundProgress(m.State, m.ReplyXml)).FirstAsync(cancellationToken);
    }

    /// <summary>Replies of a turn from <paramref name="from"/> on, which did not fit its passive reply, kept as answers owed to the user's next message.</summary>
    public async Task KeepForNextMessageAsync(long id, string userKeyHash, WeChatRequestMessage message, IReadOnlyList<WeChatTextReply> replies, int from)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow();
        for (var part = from; part < replies.Count; part++)
        {
            var reply = replies[part];
            db.Add(new WeChatInboundMessage
            {
                DedupeKey = WeChatReplyCoordinator.Hash("later", id.ToString(CultureInfo.InvariantCulture), part.ToString(CultureInfo.InvariantCulture)),
                UserKeyHash = userKeyHash,
                ReceivedAt = now,
                State = WeChatInboundState.AwaitingNextMessage,
                ReplyXml = WeChatReplyRenderer.Render(reply, message.FromUserName, message.ToUserName, now.ToUnixTimeSeconds()),
                ReplyText = reply.Content,
                AnsweredAt = now,
            });
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    public async Task<WeChatInboundState> StateAsync(long id, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Set<WeChatInboundMessage>().Where(m => m.Id == id).Select(m => m.State).FirstAsync(cancellationToken);
    }

    /// <summary>Moves a row from one state to another, if it is still in the first.</summary>
    public async Task<bool> MoveAsync(long id, WeChatInboundState from, WeChatInboundState to)
    {
        await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
        return await db.Set<WeChatInboundMessage>().Where(m => m.Id == id && m.State == from)
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.State, to), CancellationToken.None) == 1;
    }
}
