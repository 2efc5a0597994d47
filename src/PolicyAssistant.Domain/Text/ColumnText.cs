namespace PolicyAssistant.Domain.Text;

/// <summary>Text from outside (a gateway's error, an instance name) fitted into a column of fixed length.</summary>
public static class ColumnText
{
    public static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
