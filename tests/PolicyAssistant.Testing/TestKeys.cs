using PolicyAssistant.Application.Assistant.Conversations;
using PolicyAssistant.Domain.Households;

namespace PolicyAssistant.Testing;

/// <summary>One personal-data key for the test run, so storage built again (a restart) reads what it wrote.</summary>
public static class TestKeys
{
    public static PersonalDataProtector Protector { get; } = PersonalDataProtector.FromBase64(PersonalDataProtector.NewKey());

    public static ConversationKeys Conversations { get; } = new(Protector);
}
