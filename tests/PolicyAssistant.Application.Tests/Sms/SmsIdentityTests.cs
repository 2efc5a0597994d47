using PolicyAssistant.Application.Sms;

namespace PolicyAssistant.Application.Tests.Sms;

public sealed class SmsIdentityTests
{
    /// <summary>Household records as the households feature would answer: one number on file for two members of one household.</summary>
    private sealed class HouseholdPhones : IPhoneDirectory
    {
        public Task<IReadOnlyList<PhoneHolder>> FindHoldersAsync(string phoneNumber, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<PhoneHolder>>(phoneNumber == "13800138000"
                ? [new PhoneHolder("household-1", "member-1"), new PhoneHolder("household-1", "member-2")]
                : []);
    }

    private readonly SmsIdentity _identity = new(new HouseholdPhones());

    [Theory]
    [InlineData("13800138000", "household-1", true)]
    [InlineData("+86 138 0013 8000", "household-1", true)]
    [InlineData("13800138000", "household-2", false)]
    [InlineData("13900139000", "household-1", false)]
    [InlineData("not a phone", "household-1", false)]
    public async Task MayReceiveHouseholdData_Phone_OnlyForAHouseholdItIsOnFileFor(string phoneNumber, string householdId, bool expected)
    {
        Assert.Equal(expected, await _identity.MayReceiveHouseholdDataAsync(phoneNumber, householdId, CancellationToken.None));
    }

    [Fact]
    public async Task FindHolders_NumberOnFileForTwoMembers_ReturnsBoth()
    {
        var holders = await _identity.FindHoldersAsync("13800138000", CancellationToken.None);

        Assert.Equal(["member-1", "member-2"], holders.Select(h => h.MemberId));
    }

    [Fact]
    public async Task MayReceiveHouseholdData_DefaultDirectory_RefusesEveryone()
    {
        var identity = new SmsIdentity(new EmptyPhoneDirectory());

        Assert.False(await identity.MayReceiveHouseholdDataAsync("13800138000", "household-1", CancellationToken.None));
    }
}
