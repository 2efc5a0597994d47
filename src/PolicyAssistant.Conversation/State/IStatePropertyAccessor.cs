using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.State;

/// <summary>
/// One typed property of a <see cref="BotState"/>. The value read in a turn is cached for the rest of
/// the turn, so changes made to it in place are saved too.
/// </summary>
public interface IStatePropertyAccessor<T>
{
    string Name { get; }

    /// <summary>The stored value, or the factory's value when there is none (kept for the turn, saved only if changed).</summary>
    Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken);

    Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken);

    Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken);
}

internal sealed class StatePropertyAccessor<T>(BotState state, string name) : IStatePropertyAccessor<T>
{
    public string Name { get; } = name;

    public Task<T> GetAsync(ITurnContext turnContext, Func<T> defaultValueFactory, CancellationToken cancellationToken) =>
        state.GetPropertyAsync(turnContext, Name, defaultValueFactory, cancellationToken);

    public Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken) =>
        state.SetPropertyAsync(turnContext, Name, value, cancellationToken);

    public Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        state.DeletePropertyAsync(turnContext, Name, cancellationToken);
}
