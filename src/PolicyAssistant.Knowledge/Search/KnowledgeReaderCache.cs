using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace PolicyAssistant.Knowledge.Search;

internal sealed record HitMatches(HashSet<string> InKey, HashSet<string> InBody);

/// <summary>
/// What searches learn about one reader, kept with it and dropped with it: term weights, each term's
/// place in the terms dictionary (looked up once, not by every search that names it), and entry ids
/// by document (reading doc values per hit takes a lock inside Lucene that concurrent searches queue on).
/// </summary>
internal sealed class KnowledgeReaderCache(IndexReader reader)
{
    // Past this many distinct terms (a flood of nonsense questions) lookups still work, uncached.
    private const int MaxTerms = 100_000;

    private readonly ConcurrentDictionary<string, QueryTerm> _weights = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Term, TermContext> _contexts = new();
    private string[]? _entryIds;

    public string[] EntryIds => _entryIds ??= ReadEntryIds(reader);

    public QueryTerm Weigh(string term) =>
        _weights.Count < MaxTerms ? _weights.GetOrAdd(term, static (t, cache) => cache.WeighUncached(t), this) : WeighUncached(term);

    public TermContext TermContext(string field, string text) => TermContext(new Term(field, text));

    public TermQuery TermQuery(string field, string text, float boost = 1f)
    {
        var term = new Term(field, text);
        return new TermQuery(term, TermContext(term)) { Boost = boost };
    }

    // Document frequencies come from the same cached term contexts the query is built from.
    private QueryTerm WeighUncached(string term)
    {
        var keyFrequency = KnowledgeFields.Key.Max(field => TermContext(field, term).DocFreq);
        var frequency = Math.Max(keyFrequency, TermContext(KnowledgeFields.Body, term).DocFreq);
        var count = Math.Max(reader.NumDocs, 1);
        var idf = Math.Log(1 + (count - frequency + 0.5) / (frequency + 0.5));
        return new QueryTerm(term, idf, frequency, keyFrequency > 0);
    }

    private TermContext TermContext(Term term) => _contexts.Count < MaxTerms
        ? _contexts.GetOrAdd(term, static (t, r) => Lucene.Net.Index.TermContext.Build(r.Context, t), reader)
        : Lucene.Net.Index.TermContext.Build(reader.Context, term);

    // Walks each term's postings once per segment across that segment's hits (in doc order),
    // rather than seeking the term again for every hit. A term the reader's cached context says is
    // absent from a field or segment is skipped without touching the index; enumerators are reused.
    public HitMatches[] Matches(int[] hitDocs, IReadOnlyList<string> terms)
    {
        var matches = hitDocs.Select(_ => new HitMatches(new(StringComparer.Ordinal), new(StringComparer.Ordinal))).ToArray();
        foreach (var segment in hitDocs.Select((doc, i) => (Doc: doc, Index: i)).GroupBy(d => ReaderUtil.SubIndex(d.Doc, reader.Leaves)))
        {
            var leaf = reader.Leaves[segment.Key];
            var docs = segment.Select(d => (Local: d.Doc - leaf.DocBase, d.Index)).OrderBy(d => d.Local).ToArray();
            DocsEnum? postings = null;
            foreach (var field in KnowledgeFields.Key.Append(KnowledgeFields.Body))
            {
                TermsEnum? termsEnum = null;
                foreach (var term in terms)
                {
                    var context = TermContext(field, term);
                    if (context.DocFreq == 0 || context.Get(leaf.Ord) is not { } state) continue;

                    // A term state in this segment means the field has terms here.
                    termsEnum ??= leaf.AtomicReader.GetTerms(field).GetEnumerator();
                    termsEnum.SeekExact(new BytesRef(term), state);
                    postings = termsEnum.Docs(leaf.AtomicReader.LiveDocs, postings, DocsFlags.NONE);
                    var at = -1;
                    foreach (var (local, index) in docs)
                    {
                        at = at >= local ? at : postings.Advance(local);
                        if (at == local)
                        {
                            (field == KnowledgeFields.Body ? matches[index].InBody : matches[index].InKey).Add(term);
                        }
                        else if (at == DocIdSetIterator.NO_MORE_DOCS)
                        {
                            break;
                        }
                    }
                }
            }
        }

        foreach (var match in matches)
        {
            match.InBody.ExceptWith(match.InKey);
        }

        return matches;
    }

    private static string[] ReadEntryIds(IndexReader reader)
    {
        var ids = new string[reader.MaxDoc];
        var id = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var values = leaf.AtomicReader.GetBinaryDocValues(KnowledgeFields.Id);
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                values.Get(doc, id);
                ids[leaf.DocBase + doc] = id.Utf8ToString();
            }
        }

        return ids;
    }
}
