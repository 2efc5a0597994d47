namespace PolicyAssistant.Domain.Households;

/// <summary>The words households and staff read for the household enums.</summary>
public static class ChineseNames
{
    public static string Of(RelationToHead relation) => relation switch
    {
        RelationToHead.Self => "本人",
        RelationToHead.Spouse => "配偶",
        RelationToHead.Son => "子",
        RelationToHead.Daughter => "女",
        RelationToHead.Father => "父亲",
        RelationToHead.Mother => "母亲",
        RelationToHead.DaughterInLaw => "儿媳",
        RelationToHead.SonInLaw => "女婿",
        RelationToHead.Grandson => "孙子",
        RelationToHead.Granddaughter => "孙女",
        RelationToHead.Sibling => "兄弟姐妹",
        RelationToHead.Other => "其他",
        _ => throw new ArgumentOutOfRangeException(nameof(relation)),
    };

    public static string Of(Sex sex) => sex == Sex.Male ? "男" : "女";

    public static string Of(ChronicDisease disease) => disease switch
    {
        ChronicDisease.Hypertension => "高血压",
        ChronicDisease.Type2Diabetes => "2型糖尿病",
        ChronicDisease.SevereMentalIllness => "严重精神障碍",
        ChronicDisease.Tuberculosis => "肺结核",
        ChronicDisease.CoronaryHeartDisease => "冠心病",
        ChronicDisease.ChronicObstructivePulmonaryDisease => "慢性阻塞性肺疾病",
        ChronicDisease.StrokeSequelae => "脑卒中后遗症",
        ChronicDisease.ChronicRenalFailure => "慢性肾功能衰竭",
        _ => throw new ArgumentOutOfRangeException(nameof(disease)),
    };

    public static string Of(CertificationStatus status) => status switch
    {
        CertificationStatus.Pending => "审核中",
        CertificationStatus.Certified => "已确认",
        CertificationStatus.Rejected => "未通过",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(DoctorContractStatus status) => status switch
    {
        DoctorContractStatus.Active => "履约中",
        DoctorContractStatus.Expired => "已到期",
        DoctorContractStatus.Terminated => "已解约",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    public static string Of(FamilyDoctorRole role) => role switch
    {
        FamilyDoctorRole.Doctor => "家庭医生",
        FamilyDoctorRole.Nurse => "护士",
        FamilyDoctorRole.PublicHealthDoctor => "公共卫生医生",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    public static string Of(FollowUpKind kind) => kind == FollowUpKind.FaceToFace ? "面对面随访" : "电话随访";

    public static string Of(HealthInstitutionKind kind) => kind == HealthInstitutionKind.TownshipHealthCenter ? "乡镇卫生院" : "村卫生室";

    public static string Of(BindingAttemptKind kind) => kind switch
    {
        BindingAttemptKind.LookupFound => "查到档案",
        BindingAttemptKind.LookupNotFound => "姓名或身份证号不符",
        BindingAttemptKind.LookupThrottled => "查询太频繁，已拒绝",
        BindingAttemptKind.WrongCode => "验证码错误",
        BindingAttemptKind.LockedOut => "错误过多，已暂停绑定1小时",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>“基本医疗、公共卫生、慢病管理”.</summary>
    public static string Of(ContractServices services)
    {
        var names = Enum.GetValues<ContractServices>()
            .Where(service => service != ContractServices.None && services.HasFlag(service))
            .Select(service => service switch
            {
                ContractServices.BasicMedicalCare => "基本医疗",
                ContractServices.PublicHealth => "基本公共卫生服务",
                ContractServices.HealthAssessment => "健康评估",
                ContractServices.ChronicDiseaseManagement => "慢病管理",
                ContractServices.HomeVisit => "上门服务",
                ContractServices.ReferralGuidance => "转诊指导",
                ContractServices.HealthEducation => "健康教育",
                _ => throw new ArgumentOutOfRangeException(nameof(services)),
            });
        return string.Join("、", names);
    }
}
