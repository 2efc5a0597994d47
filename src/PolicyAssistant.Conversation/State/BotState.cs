using Microsoft.Extensions.Logging;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.State;

/// <summary>
/// A state document per turn key (conversation, user), read once per turn into
/// <see cref="ITurnContext.TurnState"/> and written back by <see cref="SaveChangesAsync"/> only when it changed.
/// </summary>
public abstract partial class BotState(IStorage storage, ILogger logger)
{
    private string CacheKey => GetType().FullName!;

    /// <summary>The storage key of this turn's document, derived from the incoming activity.</summary>
    protected abstract string GetStorageKey(ITurnContext turnContext);

    public IStatePropertyAccessor<T> CreateProperty<T>(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new StatePropertyAccessor<T>(this, name);
    }

    public async Task LoadAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        await GetCachedAsync(turnContext, cancellationToken);

    public async Task SaveChangesAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (!turnContext.TurnState.TryGetValue(CacheKey, out var entry) || entry is not CachedState cached)
        {
            return;
        }

        var json = cached.BuildJson();
        if (json == cached.SavedJson)
        {
            return;
        }

        var changes = new Dictionary<string, StoreItem> { [cached.Key] = new(json, cached.ETag) };
        var etags = await storage.WriteAsync(changes, cancellationToken);
        cached.MarkSaved(json, etags[cached.Key]);
    }

    /// <summary>Empties this turn's document; the empty document is written at the next save.</summary>
    public async Task ClearStateAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        (await GetCachedAsync(turnContext, cancellationToken)).Clear();

    /// <summary>Removes this turn's document from storage now (a household asking to forget them).</summary>
    public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        turnContext.TurnState.Remove(CacheKey);
        await storage.DeleteAsync([GetStorageKey(turnContext)], cancellationToken);
    }

    internal async Task<T> GetPropertyAsync<T>(ITurnContext turnContext, string name, Func<T> defaultValueFactory, CancellationToken cancellationToken)
    {
        var cached = await GetCachedAsync(turnContext, cancellationToken);
        if (cached.TryGetLive<T>(name, out var live))
        {
            return live;
        }

        if (cached.TryReadStored<T>(name, out var stored, out var unreadable))
        {
            cached.SetLive(name, stored, isDefault: false);
            return stored;
        }

        if (unreadable)
        {
            // Written by an older shape of T: starting afresh beats failing every turn of this conversation.
            LogUnreadableProperty(logger, GetType().Name, name);
        }

        var value = defaultValueFactory();
        cached.SetLive(name, value, isDefault: !unreadable);
        return value;
    }

    internal async Task SetPropertyAsync<T>(ITurnContext turnContext, string name, T value, CancellationToken cancellationToken) =>
        (await GetCachedAsync(turnContext, cancellationToken)).SetLive(name, value, isDefault: false);

    internal async Task DeletePropertyAsync(ITurnContext turnContext, string name, CancellationToken cancellationToken) =>
        (await GetCachedAsync(turnContext, cancellationToken)).Remove(name);

    private async Task<CachedState> GetCachedAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        if (turnContext.TurnState.TryGetValue(CacheKey, out var entry) && entry is CachedState found)
        {
            return found;
        }

        var key = GetStorageKey(turnContext);
        var items = await storage.ReadAsync([key], cancellationToken);
        var cached = CachedState.Load(key, items.GetValueOrDefault(key));
        turnContext.TurnState[CacheKey] = cached;
        return cached;
    }

    [LoggerMessage(EventId = ConversationLogEvents.StatePropertyUnreadable, Level = LogLevel.Warning, Message = "{State} property {Property} no longer reads as its type; it starts afresh.")]
    private static partial void LogUnreadableProperty(ILogger logger, string state, string property);
}
