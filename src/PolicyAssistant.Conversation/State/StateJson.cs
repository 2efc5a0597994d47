using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace PolicyAssistant.Conversation.State;

/// <summary>The one serializer setting for state documents and dialog instances.</summary>
internal static class StateJson
{
    // Chinese text stays readable in the database instead of becoming \uXXXX escapes.
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.General)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };
}
