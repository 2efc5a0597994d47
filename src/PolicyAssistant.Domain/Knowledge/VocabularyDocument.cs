namespace PolicyAssistant.Domain.Knowledge;

/// <summary>
/// One of the knowledge base's word lists as staff edit it: the segmentation dictionary or the
/// synonym groups, in the same text format as content/dictionary.txt and content/synonyms.txt.
/// </summary>
public sealed class VocabularyDocument
{
    public const string Dictionary = "dictionary";
    public const string Synonyms = "synonyms";

    public required string Name { get; set; }

    public string Text { get; set; } = "";

    public string ContentHash { get; set; } = "";

    public bool EditedInBackOffice { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
