using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using PolicyAssistant.Domain.Knowledge;
using PolicyAssistant.Knowledge.Answers;

namespace PolicyAssistant.Web.Tests.Quality;

/// <summary>
/// The baseline of issue 12: Lucene's CJKAnalyzer (character bigrams) and BM25 over the same entries, one field
/// holding everything an entry says, always answering with its top hit: as the product answered before issue 12
/// (the entry's summary and source), and with the whole entry (title, summary, full text), the most a top hit could
/// offer a phrase match.
/// </summary>
public sealed class Bm25Baseline : IDisposable
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private readonly RAMDirectory _directory = new();
    private readonly CJKAnalyzer _analyzer = new(Version);
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly IReadOnlyList<KnowledgeEntry> _entries;

    public Bm25Baseline(IReadOnlyList<KnowledgeEntry> entries)
    {
        _entries = entries;
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var entry in entries)
            {
                var text = string.Join('\n', [entry.Title, .. entry.Questions, .. entry.Tags, entry.Summary, entry.Body]);
                writer.AddDocument(new Document { new TextField("text", text, Field.Store.NO) });
            }
        }

        _reader = DirectoryReader.Open(_directory);
        _searcher = new IndexSearcher(_reader) { Similarity = new BM25Similarity() };
    }

    /// <summary>The top hit, or null when no bigram of the question is in any entry.</summary>
    public KnowledgeEntry? Top(string question)
    {
        var query = new BooleanQuery();
        using (var stream = _analyzer.GetTokenStream("text", question))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                query.Add(new TermQuery(new Term("text", term.ToString())), Occur.SHOULD);
            }

            stream.End();
        }

        var hits = _searcher.Search(query, 1).ScoreDocs;
        return hits.Length == 0 ? null : _entries[hits[0].Doc];
    }

    public DevReply ShortAnswer(string question) =>
        Top(question) is { } entry ? new DevReply(AnswerFormatter.ShortAnswer(entry), Confident: true) : new DevReply("", Confident: false);

    public DevReply WholeEntry(string question) =>
        Top(question) is { } entry ? new DevReply(AnswerFormatter.FullText(entry), Confident: true) : new DevReply("", Confident: false);

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
