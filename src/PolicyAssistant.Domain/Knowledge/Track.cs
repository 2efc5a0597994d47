namespace PolicyAssistant.Domain.Knowledge;

/// <summary>The three tracks of 三个一批.</summary>
public enum Track
{
    /// <summary>大病集中救治一批.</summary>
    SeriousIllness,

    /// <summary>慢病签约服务管理一批.</summary>
    ChronicManagement,

    /// <summary>重病兜底保障一批.</summary>
    SafetyNet,
}
