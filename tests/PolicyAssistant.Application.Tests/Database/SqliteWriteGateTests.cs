using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Application.Database;
using PolicyAssistant.Testing;

namespace PolicyAssistant.Application.Tests.Database;

/// <summary>One writer at a time at a SQLite file, whether it writes through SaveChanges, a bulk update or the group commit.</summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    // Long enough for an ungated update on an idle file to finish many times over.
    private static readonly TimeSpan Grace = TimeSpan.FromMilliseconds(500);

    private readonly TestDatabase _database = TestDatabase.CreateSqlite();

    public SqliteWriteGateTests()
    {
        using var db = _database.CreateContext();
        db.Add(new BotStateRecord { Key = "seed", Json = "{}", ETag = "e0" });
        db.SaveChanges();
    }

    [Fact]
    public async Task ExecuteUpdate_WhileSaveChangesHoldsTheGate_WaitsForIt()
    {
        await using var held = await HoldSaveChangesAsync();
        await using var updating = _database.CreateContext();
        var update = updating.Set<BotStateRecord>().Where(r => r.Key == "seed").ExecuteUpdateAsync(set => set.SetProperty(r => r.Json, "{\"a\":1}"));

        Assert.NotSame(update, await Task.WhenAny(update, Task.Delay(Grace)));
        await held.FinishAsync();
        Assert.Equal(1, await update);
    }

    [Fact]
    public async Task InsertReturning_WhileSaveChangesHoldsTheGate_WaitsForIt()
    {
        await using var held = await HoldSaveChangesAsync();
        await using var inserting = _database.CreateContext();
        var insert = InsertReturningAsync(inserting, "raw");

        Assert.NotSame(insert, await Task.WhenAny(insert, Task.Delay(Grace)));
        await held.FinishAsync();
        Assert.Equal(["raw"], await insert);
    }

    [Fact]
    public async Task InsertReturning_OnceItsReaderIsDisposed_TheNextWriterIsNotKeptWaiting()
    {
        await using var inserting = _database.CreateContext();
        await InsertReturningAsync(inserting, "raw");

        // A gate kept by the finished insert shows as this save waiting until the token gives up.
        await using var next = _database.CreateContext();
        next.Add(new BotStateRecord { Key = "next", Json = "{}", ETag = "e1" });
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await next.SaveChangesAsync(giveUp.Token));
    }

    [Fact]
    public async Task GroupedWrite_WhileSaveChangesHoldsTheGate_WaitsForIt()
    {
        await using var held = await HoldSaveChangesAsync();
        await using var writing = _database.CreateContext();
        var update = writing.ExecuteGroupedAsync($"UPDATE \"BotStates\" SET \"Json\" = {"{\"c\":3}"} WHERE \"Key\" = 'seed'", CancellationToken.None);

        Assert.NotSame(update, await Task.WhenAny(update, Task.Delay(Grace)));
        await held.FinishAsync();
        Assert.Equal(1, await update);
    }

    [Fact]
    public async Task ExecuteUpdate_InsideAnExplicitTransaction_PassesTheGate()
    {
        await using var held = await HoldSaveChangesAsync();

        // The gate is taken but SQLite's lock is free: a transaction's own writes must not queue behind the gate.
        await using var updating = _database.CreateContext();
        await using (var transaction = await updating.Database.BeginTransactionAsync())
        {
            await updating.Set<BotStateRecord>().Where(r => r.Key == "seed").ExecuteUpdateAsync(set => set.SetProperty(r => r.Json, "{\"b\":2}"));
            await transaction.CommitAsync();
        }

        await held.FinishAsync();
        Assert.Equal("{\"b\":2}", (await updating.Set<BotStateRecord>().AsNoTracking().SingleAsync(r => r.Key == "seed")).Json);
    }

    [Fact]
    public async Task SaveChanges_AfterAConcurrencyConflict_TheNextWriterIsNotKeptWaiting()
    {
        await using var loser = _database.CreateContext();
        var stale = await loser.Set<BotStateRecord>().SingleAsync(r => r.Key == "seed");
        await using (var winner = _database.CreateContext())
        {
            (await winner.Set<BotStateRecord>().SingleAsync(r => r.Key == "seed")).ETag = "e1";
            await winner.SaveChangesAsync();
        }

        stale.Json = "{\"lost\":true}";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => loser.SaveChangesAsync());

        // A leaked gate shows as this save waiting until the token gives up.
        await using var next = _database.CreateContext();
        (await next.Set<BotStateRecord>().SingleAsync(r => r.Key == "seed")).Json = "{\"next\":true}";
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await next.SaveChangesAsync(giveUp.Token));
    }

    public void Dispose() => _database.Dispose();

    /// <summary>A write that comes back as a reader, as raw SQL with RETURNING does.</summary>
    private static Task<List<string>> InsertReturningAsync(PolicyAssistantDbContext db, string key) =>
        db.Database.SqlQuery<string>(
            $"INSERT INTO \"BotStates\" (\"Key\", \"Json\", \"ETag\", \"UpdatedAt\") VALUES ({key}, '{{}}', 'e0', {DateTime.UtcNow}) RETURNING \"Key\" AS \"Value\"")
            .ToListAsync();

    /// <summary>A SaveChanges stopped just after it took the gate, before it writes anything.</summary>
    private async Task<HeldSave> HoldSaveChangesAsync()
    {
        var holder = new HoldingInterceptor();
        var builder = new DbContextOptionsBuilder<PolicyAssistantDbContext>();
        DatabaseSetup.Configure(builder, _database.Provider, _database.ConnectionString);
        var saving = new PolicyAssistantDbContext(builder.AddInterceptors(holder).Options);
        saving.Add(new BotStateRecord { Key = "held", Json = "{}", ETag = "e1" });
        var save = saving.SaveChangesAsync();
        await holder.Entered.Task;
        return new HeldSave(saving, holder, save);
    }

    private sealed record HeldSave(PolicyAssistantDbContext Context, HoldingInterceptor Holder, Task<int> Save) : IAsyncDisposable
    {
        public async Task FinishAsync()
        {
            Holder.Release.TrySetResult();
            await Save;
        }

        public async ValueTask DisposeAsync()
        {
            await FinishAsync();
            await Context.DisposeAsync();
        }
    }

    /// <summary>Runs after the gate (interceptors run in the order added) and holds the SaveChanges there.</summary>
    private sealed class HoldingInterceptor : SaveChangesInterceptor
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Entered.SetResult();
            await Release.Task;
            return result;
        }
    }
}
