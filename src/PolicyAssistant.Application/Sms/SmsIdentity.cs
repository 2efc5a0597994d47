
namespace PolicyAssistant.Application.Sms;

/// <summary>A household member a phone number is on file for.</summary>
public sealed record PhoneHolder(string HouseholdId, string MemberId);

/// <summary>
/// Who a phone number belongs to, from the household records. The households feature implements it;
/// until it does, <see cref="EmptyPhoneDirectory"/> knows no number, so no personal data goes out by SMS.
/// </summary>
public interface IPhoneDirectory
{
    /// <param name="phoneNumber">The 11-digit form from <see cref="PhoneNumber.Normalize"/>.</param>
    Task<IReadOnlyList<PhoneHolder>> FindHoldersAsync(string phoneNumber, CancellationToken cancellationToken);
}

public sealed class EmptyPhoneDirectory : IPhoneDirectory
{
    public Task<IReadOnlyList<PhoneHolder>> FindHoldersAsync(string phoneNumber, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<PhoneHolder>>([]);
}

/// <summary>
/// The check the bot makes before it puts personal data in an SMS: such data goes only to a phone on file
/// for a member of that household. Anyone can text from any number, so the sender's number is all we know.
/// </summary>
public sealed class SmsIdentity(IPhoneDirectory directory)
{
    /// <summary>The members this number is on file for; empty for an unknown or malformed number.</summary>
    public async Task<IReadOnlyList<PhoneHolder>> FindHoldersAsync(string phoneNumber, CancellationToken cancellationToken) =>
        PhoneNumber.Normalize(phoneNumber) is { } normalized
            ? await directory.FindHoldersAsync(normalized, cancellationToken)
            : [];

    public async Task<bool> MayReceiveHouseholdDataAsync(string phoneNumber, string householdId, CancellationToken cancellationToken) =>
        (await FindHoldersAsync(phoneNumber, cancellationToken)).Any(h => h.HouseholdId == householdId);
}
