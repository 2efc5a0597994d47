namespace PolicyAssistant.Knowledge.Search;

/// <summary>The Lucene fields of an entry's document.</summary>
internal static class KnowledgeFields
{
    public const string Id = "id";
    public const string Title = "title";
    public const string Questions = "questions";
    public const string Tags = "tags";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Bigrams = "bigrams";
    public const string Region = "region";
    public const string From = "from";
    public const string To = "to";

    /// <summary>Where a match means the entry is about the word, not only that it mentions it.</summary>
    public static readonly string[] Key = [Questions, Title, Tags, Summary];
}
