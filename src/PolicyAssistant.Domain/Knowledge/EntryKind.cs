namespace PolicyAssistant.Domain.Knowledge;

public enum EntryKind
{
    /// <summary>A health-policy answer with a source document.</summary>
    Policy,

    /// <summary>Greeting, thanks, help, asking for a person, hotline, goodbye: answered without a source.</summary>
    SmallTalk,
}
