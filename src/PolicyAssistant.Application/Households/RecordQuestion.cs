namespace PolicyAssistant.Application.Households;

/// <summary>How a message about a household topic reads.</summary>
public enum RecordReading
{
    /// <summary>What the policy provides (家庭医生能上门吗): the knowledge base answers.</summary>
    Policy,

    /// <summary>The household's own record (俺家签约的大夫叫啥, 医保交上没): only a bound household may see it.</summary>
    Own,

    /// <summary>Could be either (俺家有家庭医生吗): the policy is answered, with one line offering the own record.</summary>
    Either,
}

/// <summary>A household record a message may ask about, and how the binding offer names it.</summary>
/// <param name="Name">The record in the household's words, as in “查自家的{Name}”.</param>
/// <param name="Words">Words that name the topic in a message (folded, Simplified).</param>
/// <param name="Lookup">True when the bot can show it to a bound household; false when only staff can yet.</param>
public sealed record RecordTopic(string Name, IReadOnlyList<string> Words, bool Lookup);

/// <summary>
/// Tells a question about the household's own record from one about the policy. The policy is the default: a
/// message takes the own-record route only when it asks who, which, whether it happened or how it came out
/// (是谁, 电话, 办下来没, 交上没, 咋样了, 给查查) about the household or one of its people, and never when it asks
/// what the policy provides (能不能, 管不管, 怎么办, 哪些). A message about the household that asks neither reads
/// either way.
/// </summary>
public static class RecordQuestion
{
    public static readonly RecordTopic FamilyDoctor = new("家庭医生", ["家庭医生", "签约医生", "家庭大夫", "签约大夫", "签约的医生", "签约的大夫", "签约的那个", "家医", "医生团队", "签约团队", "签的医生", "签的大夫", "签的那个", "签的是", "村医"], true);
    public static readonly RecordTopic ChronicCertification = new("慢病证明", ["慢病", "慢性病", "门诊慢特病", "慢特病"], true);
    public static readonly RecordTopic Insurance = new("参保缴费记录", ["医保", "参保", "保费", "合作医疗", "新农合", "保险"], false);
    public static readonly RecordTopic Register = new("建档立卡登记", ["贫困户", "建档立卡", "贫困名单", "扶贫名单", "贫困人口"], false);
    public static readonly RecordTopic HealthRecord = new("健康档案", ["健康档案", "档案", "病历"], false);
    public static readonly RecordTopic Checkup = new("体检结果", ["体检", "检查结果", "化验"], false);
    public static readonly RecordTopic FollowUp = new("随访记录", ["随访", "血压", "血糖"], false);
    public static readonly RecordTopic SafetyNetPayout = new("兜底补助发放记录", ["兜底", "补助", "救助金", "公示"], false);
    public static readonly RecordTopic Helper = new("帮扶责任人", ["帮扶干部", "帮扶责任人", "帮扶人", "包户干部", "帮扶的", "帮扶"], false);
    public static readonly RecordTopic Vaccination = new("预防接种记录", ["疫苗", "预防针", "打针"], false);
    public static readonly RecordTopic Referral = new("转诊手续", ["转诊", "转院"], false);
    public static readonly RecordTopic SeriousIllness = new("大病救治登记", ["大病"], false);

    /// <summary>Most specific first: 签约医生 before 医生团队, 兜底 before 医保.</summary>
    public static IReadOnlyList<RecordTopic> Topics { get; } =
        [FamilyDoctor, ChronicCertification, Helper, SafetyNetPayout, Vaccination, Checkup, FollowUp, HealthRecord, Register, Referral, SeriousIllness, Insurance];

    // Asking who or which: only a record answers it.
    private static readonly string[] Identity = ["是谁", "跟谁", "叫啥", "叫什么", "姓啥", "姓什么", "电话", "号码", "手机号", "哪个医生", "哪个大夫", "哪个团队", "哪位", "是哪个", "哪一个"];

    // Asking whether something happened, or where it stands: about the household even when it names nobody.
    private static readonly string[] Status =
    [
        "了没", "过没", "上没", "全没", "完没", "好没", "下来没", "来没", "到没", "批了", "批下来", "办下来", "办好了", "办成了", "办妥", "通过了", "登记上", "有没有登记",
        "咋样了", "怎么样了", "进度", "到哪一步", "到账", "到手", "交上", "交了没", "有没有俺", "有俺", "有我家", "查查", "查一下", "查下",
        "给查", "帮查", "帮我查", "帮俺查", "还剩", "量的多少",
    ];

    // Asking how something came out: about the household only when the message says whose.
    private static readonly string[] WeakStatus = ["咋样", "怎么样", "结果", "发了", "还在", "在不在", "能看看", "看看", "看一下", "记录", "是不是", "多少了", "发多少", "给了多少", "哪几个", "有谁"];

    // Asking what the policy provides: these keep a message with the knowledge base.
    private static readonly string[] PolicyCues =
    [
        "能不能", "能不", "可不可以", "可以", "管不管", "管不", "给不给", "算不算", "帮不帮", "会不会", "要不要", "有没有救治", "有没有政策",
        "怎么", "咋办", "咋弄", "咋申请", "咋签", "如何", "需要", "哪些", "啥病", "什么病", "多久", "几次", "免费", "要钱", "收费", "政策", "规定",
        "是啥", "是什么", "干啥", "干什么", "做啥", "做什么", "有啥用", "为啥", "为什么", "啥意思", "能", "去哪", "在哪",
    ];

    private static readonly string[] Own = ["俺", "我", "咱", "自家", "自个", "自己"];

    /// <summary>The topic a message is about and how it reads; null when it names no household topic.</summary>
    public static (RecordTopic Topic, RecordReading Reading)? Classify(string compact)
    {
        var topic = Topics.FirstOrDefault(t => IntentText.ContainsAny(compact, t.Words));
        return topic is null ? null : (topic, Read(compact, topic));
    }

    /// <summary>How a message reads about one topic.</summary>
    public static RecordReading Read(string compact, RecordTopic topic)
    {
        // 能 asks what is possible (能上门吗, 能打电话问不), except in asking to see or look up the record itself.
        var withoutLookups = compact.Replace("能看", "", StringComparison.Ordinal).Replace("能查", "", StringComparison.Ordinal);
        if (!IntentText.ContainsAny(compact, topic.Words) || IntentText.ContainsAny(withoutLookups, PolicyCues))
        {
            return RecordReading.Policy;
        }

        var aboutHousehold = IntentText.ContainsAny(compact, Own) || Relatives.FindTerm(compact) is not null;
        if (aboutHousehold && OnlyNames(compact, topic))
        {
            return RecordReading.Own; // “我的慢病”, “俺家签约医生”: a menu word, a request to see the record
        }

        var asksRecord = IntentText.ContainsAny(compact, Identity) || IntentText.ContainsAny(compact, Status) || EndsAsking(compact);
        if (asksRecord || aboutHousehold && IntentText.ContainsAny(compact, WeakStatus))
        {
            return RecordReading.Own;
        }

        return aboutHousehold ? RecordReading.Either : RecordReading.Policy;
    }

    private static bool OnlyNames(string compact, RecordTopic topic)
    {
        var rest = topic.Words.Concat(Own).Aggregate(compact, (text, word) => text.Replace(word, "", StringComparison.Ordinal));
        return rest.Trim('家', '的', '这', '个').Length == 0;
    }

    // “……随访过俺没”, “……体检做了没有”: a message that ends in 没 after 过 or 了 asks whether something happened;
    // “有大病救治没” only asks whether there is such a policy.
    private static bool EndsAsking(string compact)
    {
        var trimmed = compact.TrimEnd('啊', '呀', '呢', '哈', '嘛', '吧', '?');
        var asked = trimmed.EndsWith("没有", StringComparison.Ordinal) ? trimmed[..^2] : trimmed.EndsWith('没') ? trimmed[..^1] : null;
        return asked is not null && (asked.Contains('过') || asked.Contains('了'));
    }
}
