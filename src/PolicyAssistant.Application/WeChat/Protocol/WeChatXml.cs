using System.Xml;
using System.Xml.Linq;

namespace PolicyAssistant.Application.WeChat.Protocol;

/// <summary>
/// Reads WeChat's flat <c>&lt;xml&gt;</c> documents safely: DTDs are refused (no entity expansion, no
/// external fetch), nothing is resolved, and the document size is capped.
/// </summary>
public static class WeChatXml
{
    public static XmlReaderSettings CreateReaderSettings(int maxCharacters) => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = maxCharacters,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    /// <summary>The text of each child of the root, by element name (the first wins when one repeats).</summary>
    public static IReadOnlyDictionary<string, string> ReadFields(string xml, int maxCharacters)
    {
        if (xml.Length > maxCharacters)
            throw new WeChatProtocolException(WeChatProtocolError.TooLarge, $"The XML is longer than {maxCharacters} characters.");

        XElement root;
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), CreateReaderSettings(maxCharacters));
            root = XElement.Load(reader);
        }
        catch (XmlException exception) when (xml.Contains("<!DOCTYPE", StringComparison.Ordinal))
        {
            throw new WeChatProtocolException(WeChatProtocolError.DtdProhibited, "A DOCTYPE is not allowed in a WeChat message.", exception);
        }
        catch (XmlException exception)
        {
            throw new WeChatProtocolException(WeChatProtocolError.Malformed, "The body is not well-formed XML.", exception);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in root.Elements())
        {
            fields.TryAdd(element.Name.LocalName, element.Value);
        }

        return fields;
    }
}
