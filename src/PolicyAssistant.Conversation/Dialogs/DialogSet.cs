using PolicyAssistant.Conversation.State;
using PolicyAssistant.Conversation.Turns;

namespace PolicyAssistant.Conversation.Dialogs;

/// <summary>The dialogs a bot (or a <see cref="ComponentDialog"/>) can start, by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _dialogState;

    public DialogSet(IStatePropertyAccessor<DialogState> dialogState) => _dialogState = dialogState;

    internal DialogSet()
    {
    }

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
        {
            throw new ArgumentException($"A dialog with id '{dialog.Id}' is already in the set.", nameof(dialog));
        }

        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        var accessor = _dialogState ?? throw new InvalidOperationException("A component dialog's set has no state of its own; use the bot's dialog set.");
        var state = await accessor.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        return new DialogContext(this, turnContext, state, parent: null);
    }
}
