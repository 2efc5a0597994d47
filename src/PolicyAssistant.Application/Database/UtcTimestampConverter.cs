using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace PolicyAssistant.Application.Database;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as UTC Unix milliseconds, so comparisons in WHERE clauses
/// (leases, expiry) translate the same way on SQLite, which has no native date type, and on PostgreSQL.
/// </summary>
public sealed class UtcTimestampConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
