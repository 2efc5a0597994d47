using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Knowledge.Content;

/// <summary>A problem in one content file, pointing at the line to fix (1-based; 0 for the whole file).</summary>
public sealed record KnowledgeFileError(string FileName, int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"{FileName}:{Line}: {Message}" : $"{FileName}: {Message}";
}

/// <summary>What one file gave: the entry, or the errors that kept it out.</summary>
public sealed record KnowledgeFileResult(KnowledgeEntry? Entry, IReadOnlyList<KnowledgeFileError> Errors);

/// <summary>The good entries of a folder, and the errors of the files that were left out.</summary>
public sealed record KnowledgeDirectoryResult(IReadOnlyList<KnowledgeEntry> Entries, IReadOnlyList<KnowledgeFileError> Errors);
