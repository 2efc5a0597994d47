using Microsoft.Extensions.DependencyInjection;
using PolicyAssistant.Application.Staff;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Testing;

/// <summary>Staff members for tests, made as the product makes them (Identity, its role, its regions), ready to sign in.</summary>
public static class StaffAccounts
{
    /// <summary>
    /// Adds a staff member who can sign in at once with <paramref name="password"/> (10 characters or more) and is
    /// not asked to change it; returns their id (the ClaimTypes.NameIdentifier, and “staff:{id}” in the audit trail).
    /// </summary>
    public static async Task<int> CreateAsync(IServiceProvider services, string userName, string password, StaffRole role, params string[] regionCodes)
    {
        await using var scope = services.CreateAsyncScope();
        var account = new NewStaffAccount(userName, userName, role, regionCodes, password);
        return await scope.ServiceProvider.GetRequiredService<AddStaffCommand>().AddAsync(null, account, mustChangePassword: false, CancellationToken.None) switch
        {
            StaffCommandResult.Done done => done.StaffUserId,
            StaffCommandResult.Rejected rejected => throw new InvalidOperationException($"Could not add {userName}: {string.Join(" ", rejected.Errors)}"),
            _ => throw new InvalidOperationException(),
        };
    }
}
