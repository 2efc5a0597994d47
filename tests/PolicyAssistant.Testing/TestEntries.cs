using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Testing;

/// <summary>A handful of entries written for the tests, in the shape of content/knowledge.</summary>
public static class TestEntries
{
    public static KnowledgeEntry SafetyNet() => new()
    {
        Id = "safety-net",
        Title = "兜底保障：住院自付不超过总费用的10%",
        Summary = "建档立卡贫困人口在县域内住院，经基本医保、大病保险、医疗救助报销后，个人自付部分超过总费用10%的，由兜底保障资金补上。",
        Body = "- 只管住院费用，门诊不在兜底范围。\n- 县域外住院需要办理转诊。",
        Questions = ["住院最多自己掏多少钱", "兜底保障是啥意思"],
        Tags = ["兜底保障", "住院", "重病兜底保障一批"],
        Track = Track.SafetyNet,
        Source = "鹿寨县健康扶贫“重病兜底保障一批”实施方案（鹿扶领办发〔2018〕37号）",
        EffectiveFrom = new DateOnly(2018, 7, 20),
    };

    public static KnowledgeEntry Deposit() => new()
    {
        Id = "treat-first-pay-later",
        Title = "先诊疗后付费：住院不用交押金",
        Summary = "贫困患者在县域内定点医院住院，凭身份证办理入院，不用交住院押金，出院时只付自己应付的部分。",
        Body = "出院时在一站式结算窗口一次结清。",
        Questions = ["住院要交押金吗", "先诊疗后付费是什么"],
        Tags = ["先诊疗后付费", "押金"],
        Source = "张家界市农村贫困住院患者县域内先诊疗后付费工作实施方案",
        EffectiveFrom = new DateOnly(2017, 1, 1),
    };

    public static KnowledgeEntry Deductible() => new()
    {
        Id = "critical-illness-deductible",
        Title = "大病保险：起付线降低一半",
        Summary = "贫困人口的大病保险起付线降低50%，报销比例提高10个百分点。",
        Body = "",
        Questions = ["大病保险起付线是多少", "大病保险报销比例"],
        Tags = ["大病保险", "起付线"],
        Regions = ["450223"],
        Source = "鹿寨县健康扶贫“大病集中救治一批”实施方案",
    };

    public static KnowledgeEntry Greeting() => new()
    {
        Id = "greeting",
        Kind = EntryKind.SmallTalk,
        Title = "问候",
        Summary = "您好！我是健康扶贫政策助手，请直接说出您想问的政策，比如“住院要交押金吗”。",
        Questions = ["你好", "在吗", "有人吗"],
        Tags = ["问候"],
    };

    public static KnowledgeEntry[] All() => [SafetyNet(), Deposit(), Deductible(), Greeting()];
}
