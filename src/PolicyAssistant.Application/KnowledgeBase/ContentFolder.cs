namespace PolicyAssistant.Application.KnowledgeBase;

/// <summary>The content/ folder: knowledge base files, word lists, policy parameters, demo data.</summary>
public sealed record ContentFolder(string Path)
{
    public string KnowledgePath => System.IO.Path.Combine(Path, "knowledge");
}
