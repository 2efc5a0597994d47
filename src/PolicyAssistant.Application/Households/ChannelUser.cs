
namespace PolicyAssistant.Application.Households;

/// <summary>
/// Who is talking, as the household features store it: the channel and a keyed hash of the user id
/// (OpenID, phone number, web id), so bindings and audit rows hold no identifier in the clear.
/// </summary>
public sealed record ChannelUser(string ChannelId, string UserKeyHash)
{
    private const string HashPurpose = "channel-user";

    public static ChannelUser Of(Activity activity, PersonalDataProtector protector) =>
        new(activity.ChannelId, protector.Hash(HashPurpose, $"{activity.ChannelId}\n{activity.From.Id}"));

    /// <summary>The actor written to the audit trail.</summary>
    public string AuditActor => $"{ChannelId}:{UserKeyHash}";
}
