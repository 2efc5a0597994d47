using System.Text.Json;
using PolicyAssistant.Conversation.State;

namespace PolicyAssistant.Conversation.Dialogs;

/// <summary>The dialog stack of one conversation, kept in <see cref="ConversationState"/>; the active dialog is last.</summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; init; } = [];
}

/// <summary>
/// One running dialog: its id and its own typed state, stored as JSON so the stack can hold dialogs of
/// different state types. Only the dialog that owns the instance reads it, always as the same type.
/// </summary>
public sealed class DialogInstance
{
    public required string Id { get; init; }

    public JsonElement? State { get; set; }

    public T GetState<T>()
    {
        try
        {
            return State is { } json
                ? json.Deserialize<T>(StateJson.Options) ?? throw new JsonException("The state is null.")
                : throw new JsonException("The dialog has no state yet.");
        }
        catch (JsonException exception)
        {
            throw new DialogStateUnreadableException(Id, exception);
        }
    }

    public void SetState<T>(T state) => State = JsonSerializer.SerializeToElement(state, StateJson.Options);
}

/// <summary>A stored dialog instance that no longer reads as its dialog's state (the dialog changed shape since).</summary>
public sealed class DialogStateUnreadableException(string dialogId, Exception innerException)
    : Exception($"The stored state of dialog '{dialogId}' does not read as its state type.", innerException);
