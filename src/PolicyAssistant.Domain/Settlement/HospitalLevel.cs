namespace PolicyAssistant.Domain.Settlement;

/// <summary>乡镇卫生院 / 县级 / 市级 / 省级医院.</summary>
public enum HospitalLevel
{
    Township,
    County,
    City,
    Province,
}

/// <summary>住院 / 门诊.</summary>
public enum CareSetting
{
    Inpatient,
    Outpatient,
}

/// <summary>The schemes that pay part of a hospital bill, in the order they settle.</summary>
public enum SettlementScheme
{
    BasicInsurance,
    CriticalIllnessInsurance,
    SupplementaryInsurance,
    MedicalAssistance,

    /// <summary>兜底保障, including the township health center split that replaces it at a 乡镇卫生院.</summary>
    SafetyNet,
}

/// <summary>Why some schemes refuse a bill (seed 001, “重病兜底保障一批” 三(二), and general insurance rules).</summary>
public enum ExclusionReason
{
    /// <summary>他伤: injuries a liable third party must pay for.</summary>
    ThirdPartyLiable,

    /// <summary>交通事故.</summary>
    TrafficAccident,

    /// <summary>自杀、自残.</summary>
    SelfHarm,

    /// <summary>违法犯罪、酗酒、斗殴、吸毒.</summary>
    IllegalConduct,

    /// <summary>未按医嘱服用、涂用、注射药物.</summary>
    MedicationMisuse,

    /// <summary>医疗事故.</summary>
    MedicalAccident,

    /// <summary>整形整容.</summary>
    Cosmetic,

    /// <summary>在国外或港、澳、台地区就医.</summary>
    Abroad,

    /// <summary>未缴费、违规等原因停保期间.</summary>
    LapsedInsurance,

    /// <summary>未办理户籍登记.</summary>
    UnregisteredResidence,
}
