using System.Security.Cryptography;

namespace PolicyAssistant.Domain.Households;

/// <summary>
/// A person of a household. The ID number and phone are kept encrypted with a keyed hash beside each (for lookups)
/// and a masked copy (for display); reading the clear value needs the <see cref="PersonalDataProtector"/>.
/// </summary>
public sealed class Member
{
    public int Id { get; set; }

    public int HouseholdId { get; set; }

    public Household? Household { get; set; }

    public required string Name { get; set; }

    public RelationToHead RelationToHead { get; set; }

    public string IdNumberHash { get; private set; } = string.Empty;

    public string IdNumberCiphertext { get; private set; } = string.Empty;

    public string IdNumberMasked { get; private set; } = string.Empty;

    /// <summary>From the ID number.</summary>
    public DateOnly BirthDate { get; private set; }

    /// <summary>From the ID number.</summary>
    public Sex Sex { get; private set; }

    public string? PhoneHash { get; private set; }

    public string? PhoneCiphertext { get; private set; }

    public string? PhoneMasked { get; private set; }

    /// <summary>政策明白人: the member who understands the policies and explains them at home.</summary>
    public bool IsPolicyLiterateMember { get; set; }

    /// <summary>规范化电子健康档案: the day the member's electronic health record was opened; null while none exists.</summary>
    public DateOnly? HealthRecordOpenedOn { get; set; }

    public List<ChronicCertification> ChronicCertifications { get; set; } = [];

    public List<FollowUp> FollowUps { get; set; } = [];

    public List<InpatientStay> InpatientStays { get; set; } = [];

    public static Member Create(string name, RelationToHead relation, IdNumber idNumber, PhoneNumber? phone, PersonalDataProtector protector)
    {
        var member = new Member { Name = name, RelationToHead = relation };
        member.SetIdNumber(idNumber, protector);
        member.SetPhone(phone, protector);
        return member;
    }

    public void SetIdNumber(IdNumber idNumber, PersonalDataProtector protector)
    {
        IdNumberHash = protector.HashOf(idNumber);
        IdNumberCiphertext = protector.Protect(PersonalDataPurposes.IdNumber, idNumber.Value);
        IdNumberMasked = idNumber.Masked;
        BirthDate = idNumber.BirthDate;
        Sex = idNumber.Sex;
    }

    public void SetPhone(PhoneNumber? phone, PersonalDataProtector protector)
    {
        PhoneHash = phone is null ? null : protector.HashOf(phone);
        PhoneCiphertext = phone is null ? null : protector.Protect(PersonalDataPurposes.Phone, phone.Value);
        PhoneMasked = phone?.Masked;
    }

    /// <exception cref="CryptographicException">The stored value was protected with another key.</exception>
    public IdNumber RevealIdNumber(PersonalDataProtector protector) =>
        IdNumber.Parse(protector.Unprotect(PersonalDataPurposes.IdNumber, IdNumberCiphertext));

    public PhoneNumber? RevealPhone(PersonalDataProtector protector) =>
        PhoneCiphertext is null ? null : PhoneNumber.Parse(protector.Unprotect(PersonalDataPurposes.Phone, PhoneCiphertext));

    public int AgeOn(DateOnly date)
    {
        var age = date.Year - BirthDate.Year;
        return date < BirthDate.AddYears(age) ? age - 1 : age;
    }
}
