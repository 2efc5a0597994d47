using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PolicyAssistant.Application.Sms;

/// <summary>
/// Column conventions of the SMS tables. Times are UTC <see cref="DateTime"/> rather than
/// DateTimeOffset because SQLite cannot compare or order DateTimeOffset in SQL, and the dispatcher
/// needs "due before now" in SQL on both providers; SQLite hands them back unspecified, so they are
/// marked UTC on the way in.
/// </summary>
internal static class SmsModelBuilding
{
    public const int PhoneLength = 20;
    public const int OutIdLength = 64;
    public const int CodeLength = 64;

    private static readonly ValueConverter<DateTime, DateTime> Utc = new(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    private static readonly ValueConverter<DateTime?, DateTime?> NullableUtc = new(
        v => v.HasValue ? (v.Value.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc)) : v,
        v => v.HasValue ? DateTime.SpecifyKind(v.Value, DateTimeKind.Utc) : v);

    public static PropertyBuilder<DateTime> IsUtc(this PropertyBuilder<DateTime> property) => property.HasConversion(Utc);

    public static PropertyBuilder<DateTime?> IsUtc(this PropertyBuilder<DateTime?> property) => property.HasConversion(NullableUtc);

    public static PropertyBuilder<TEnum> IsText<TEnum>(this PropertyBuilder<TEnum> property) where TEnum : struct, Enum =>
        property.HasConversion<string>().HasMaxLength(24);
}
