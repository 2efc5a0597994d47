using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Knowledge.Search;

/// <summary>An entry as the index holds it: its Lucene document, its analysed passages, and the region and date rules.</summary>
internal static class KnowledgeDocuments
{
    public static IReadOnlyList<IndexedPassage> AnalysePassages(KnowledgeEntry entry, KnowledgeAnalyzers with) =>
        Passages.Of(entry).Select(passage => new IndexedPassage(
            passage,
            with.Policy.Terms(passage.Text).ToHashSet(StringComparer.Ordinal),
            // A list item is found by its list's lead too: 酗酒 is an item, 不兜底 is what its list is about.
            passage.Lead is { } lead ? with.Policy.Terms(lead).ToHashSet(StringComparer.Ordinal) : EmptyTerms)).ToList();

    private static readonly IReadOnlySet<string> EmptyTerms = new HashSet<string>();

    public static Document ToDocument(KnowledgeEntry entry)
    {
        var document = new Document
        {
            new StringField(KnowledgeFields.Id, entry.Id, Field.Store.NO),
            new BinaryDocValuesField(KnowledgeFields.Id, new BytesRef(entry.Id)),
            new TextField(KnowledgeFields.Title, entry.Title, Field.Store.NO),
            new TextField(KnowledgeFields.Summary, entry.Summary, Field.Store.NO),
            new TextField(KnowledgeFields.Body, entry.Body, Field.Store.NO),
            new TextField(KnowledgeFields.Bigrams, string.Join('\n', [entry.Title, .. entry.Questions, .. entry.Tags, entry.Summary]), Field.Store.NO),
            new Int32Field(KnowledgeFields.From, entry.EffectiveFrom?.DayNumber ?? int.MinValue, Field.Store.NO),
            new Int32Field(KnowledgeFields.To, entry.EffectiveTo?.DayNumber ?? int.MaxValue, Field.Store.NO),
        };
        foreach (var question in entry.Questions)
        {
            document.Add(new TextField(KnowledgeFields.Questions, question, Field.Store.NO));
        }

        foreach (var tag in entry.Tags)
        {
            document.Add(new TextField(KnowledgeFields.Tags, tag, Field.Store.NO));
        }

        foreach (var region in entry.Regions.DefaultIfEmpty(KnowledgeEntry.AllRegions))
        {
            document.Add(new StringField(KnowledgeFields.Region, region.Trim().ToLowerInvariant(), Field.Store.NO));
        }

        return document;
    }

    public static Filter? BuildFilter(KnowledgeSearchFilter filter)
    {
        if (string.IsNullOrWhiteSpace(filter.RegionCode) && filter.Today is null)
        {
            return null;
        }

        var rules = new BooleanQuery();
        if (filter.RegionCode is { } code && !string.IsNullOrWhiteSpace(code))
        {
            // An entry for a county applies to every township and village code below it.
            var region = new BooleanQuery { { new TermQuery(new Term(KnowledgeFields.Region, KnowledgeEntry.AllRegions)), Occur.SHOULD } };
            var trimmed = code.Trim();
            for (var length = 1; length <= Math.Min(trimmed.Length, 20); length++)
            {
                region.Add(new TermQuery(new Term(KnowledgeFields.Region, trimmed[..length])), Occur.SHOULD);
            }

            rules.Add(region, Occur.MUST);
        }

        if (filter.Today is { } today)
        {
            rules.Add(NumericRangeQuery.NewInt32Range(KnowledgeFields.From, null, today.DayNumber, true, true), Occur.MUST);
            rules.Add(NumericRangeQuery.NewInt32Range(KnowledgeFields.To, today.DayNumber, null, true, true), Occur.MUST);
        }

        return new QueryWrapperFilter(rules);
    }

    public static bool Passes(KnowledgeEntry entry, KnowledgeSearchFilter filter) =>
        entry.AppliesTo(filter.RegionCode) && (filter.Today is not { } today || entry.IsInForce(today));
}
