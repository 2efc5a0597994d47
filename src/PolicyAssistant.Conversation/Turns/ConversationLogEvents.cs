namespace PolicyAssistant.Conversation.Turns;

/// <summary>Event ids of the turn engine's log lines (51xx), so operators can alert on them.</summary>
public static class ConversationLogEvents
{
    public const int TurnFailed = 5100;
    public const int TranscriptNotWritten = 5101;
    public const int StatePropertyUnreadable = 5110;
}

/// <summary>
/// An exception for the log without its messages: messages can quote what a household typed or an
/// OpenID (a dictionary's missing key, a parser's input), types and stack frames cannot.
/// </summary>
internal static class ExceptionSummary
{
    public static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            parts.Add($"{current.GetType().FullName}{Environment.NewLine}{current.StackTrace}");
        }

        return string.Join($"{Environment.NewLine}--- inner ---{Environment.NewLine}", parts);
    }
}
