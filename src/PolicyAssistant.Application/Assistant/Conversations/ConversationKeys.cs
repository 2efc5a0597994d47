
namespace PolicyAssistant.Application.Assistant.Conversations;

/// <summary>
/// State and transcripts are keyed by what the channel knows of the user: an OpenID, a phone number. The tables
/// hold a keyed hash of that key instead (the personal-data key), so they name nobody and cannot be matched to a
/// phone number without the key. Lookups hash the key the same way, so nothing else changes.
/// </summary>
public sealed class ConversationKeys(PersonalDataProtector protector)
{
    private const string Purpose = "conversation-key";

    public string Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return protector.Hash(Purpose, key);
    }
}
