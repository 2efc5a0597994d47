using PolicyAssistant.Domain.Knowledge;

namespace PolicyAssistant.Knowledge.Tests.Support;

/// <summary>Entries whose facts sit in lists: one of exclusions with an exception, one of covered diseases, one of papers to bring.</summary>
public static class ListEntries
{
    public static KnowledgeEntry Exclusions() => new()
    {
        Id = "safety-net-exclusions",
        Title = "哪些情况不能兜底",
        Summary = "医保能报的病都在兜底范围里，但有几种情况除外。",
        Body = "清单如下：\n- 打架斗殴、酗酒受的伤；\n- 在非定点医院看病的费用（急救、抢救除外）；\n- 停保期间的医疗费。\n\n提醒：按时交医保费。",
        Source = "鹿寨县健康扶贫“重病兜底保障一批”实施方案",
    };

    public static KnowledgeEntry Diseases() => new()
    {
        Id = "serious-illness-list",
        Title = "大病专项救治包括哪些病",
        Summary = "大病专项救治的病有国家规定的9种，再加白内障。",
        Body = "国家规定的9种大病：\n- 食管癌\n- 胃癌\n- 终末期肾病（尿毒症）",
        Source = "鹿寨县健康扶贫“大病集中救治一批”实施方案",
    };

    public static KnowledgeEntry Papers() => new()
    {
        Id = "treat-first-pay-later",
        Title = "先诊疗后付费：住院不交押金",
        Summary = "在县域内住院，签一份协议就不用交押金。",
        Body = "为什么能先住院：出院时一站式结算，只交自己那份。\n\n带齐三样：\n- 医保卡；\n- 身份证；\n- 贫困家庭就诊卡。\n\n忘带了：先跟医院说明，让家里人尽快把证件送来。",
        Source = "鹿寨县健康扶贫“大病集中救治一批”实施方案",
    };
}
