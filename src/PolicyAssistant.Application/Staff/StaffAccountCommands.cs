using Microsoft.AspNetCore.Identity;
using PolicyAssistant.Domain.Regions;
using PolicyAssistant.Domain.Staff;

namespace PolicyAssistant.Application.Staff;

/// <summary>A command on staff accounts either worked or says, in Chinese, why not; nothing is half done.</summary>
public abstract record StaffCommandResult
{
    public sealed record Done(int StaffUserId) : StaffCommandResult;

    public sealed record Rejected(IReadOnlyList<string> Errors) : StaffCommandResult
    {
        public Rejected(string error)
            : this([error])
        {
        }
    }

    internal static Rejected From(IdentityResult result) => new(result.Errors.Select(e => e.Description).ToList());
}

public sealed record NewStaffAccount(string UserName, string DisplayName, StaffRole Role, IReadOnlyList<string> RegionCodes, string Password);

/// <summary>Who may see what: a township operator needs one or more known regions; every other role sees no region list.</summary>
internal sealed class StaffAccessRules(PolicyAssistantDbContext db)
{
    public async Task<(IReadOnlyList<string> Codes, string? Error)> CheckAsync(StaffRole role, IReadOnlyList<string> regionCodes, CancellationToken cancellationToken)
    {
        if (role != StaffRole.TownshipOperator)
        {
            return ([], null);
        }

        var codes = regionCodes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return ([], "乡镇专干须至少负责一个地区。");
        }

        var known = await db.Set<Region>().Where(r => codes.Contains(r.Code)).CountAsync(cancellationToken);
        return known == codes.Count ? (codes, null) : ([], "所选地区不存在，请从列表中选择。");
    }

    public async Task<string> DescribeAsync(StaffRole role, IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        if (codes.Count == 0)
        {
            return StaffRoleNames.Chinese(role);
        }

        var names = await new RegionNamesQuery(db).GetAsync(codes, cancellationToken);
        return $"{StaffRoleNames.Chinese(role)}（{string.Join("、", codes.Select(c => names[c]))}）";
    }

    /// <summary>An administrator may not lock the back office out of its last enabled administrator.</summary>
    public async Task<bool> IsLastAdministratorAsync(UserManager<StaffUser> users, StaffUser user)
    {
        var administrators = await users.GetUsersInRoleAsync(nameof(StaffRole.Administrator));
        return administrators.Any(a => a.Id == user.Id) && administrators.Count(a => a.DisabledAt is null) <= 1;
    }
}

/// <summary>An administrator adds a colleague; the first administrator and tests add one with no acting staff member.</summary>
public sealed class AddStaffCommand(UserManager<StaffUser> users, PolicyAssistantDbContext db, RecordStaffAccountAuditCommand audit, TimeProvider clock)
{
    public async Task<StaffCommandResult> AddAsync(int? actorStaffId, NewStaffAccount account, bool mustChangePassword, CancellationToken cancellationToken)
    {
        var rules = new StaffAccessRules(db);
        var (codes, error) = await rules.CheckAsync(account.Role, account.RegionCodes, cancellationToken);
        if (error is not null)
        {
            return new StaffCommandResult.Rejected(error);
        }

        if (string.IsNullOrWhiteSpace(account.DisplayName))
        {
            return new StaffCommandResult.Rejected("请输入姓名。");
        }

        var user = new StaffUser
        {
            UserName = account.UserName.Trim(),
            DisplayName = account.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            MustChangePassword = mustChangePassword,
            LockoutEnabled = true,
            Regions = codes.Select(code => new StaffRegion { RegionCode = code }).ToList(),
        };

        // One transaction, so a refused role leaves no account behind.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, account.Password);
        if (!created.Succeeded)
        {
            return StaffCommandResult.From(created);
        }

        var inRole = await users.AddToRoleAsync(user, account.Role.ToString());
        if (!inRole.Succeeded)
        {
            return StaffCommandResult.From(inRole);
        }

        await audit.RecordAsync(actorStaffId, user.Id, StaffAccountAction.AddStaff, $"{user.DisplayName}（{user.UserName}）：{await rules.DescribeAsync(account.Role, codes, cancellationToken)}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StaffCommandResult.Done(user.Id);
    }
}

/// <summary>An administrator changes a colleague's role and regions; the colleague's sessions end.</summary>
public sealed class ChangeStaffAccessCommand(UserManager<StaffUser> users, PolicyAssistantDbContext db, RecordStaffAccountAuditCommand audit)
{
    public async Task<StaffCommandResult> ChangeAsync(int actorStaffId, int staffUserId, StaffRole role, IReadOnlyList<string> regionCodes, CancellationToken cancellationToken)
    {
        var user = await db.Set<StaffUser>().Include(u => u.Regions).SingleOrDefaultAsync(u => u.Id == staffUserId, cancellationToken);
        if (user is null)
        {
            return new StaffCommandResult.Rejected("找不到这个账号。");
        }

        var rules = new StaffAccessRules(db);
        var (codes, error) = await rules.CheckAsync(role, regionCodes, cancellationToken);
        if (error is not null)
        {
            return new StaffCommandResult.Rejected(error);
        }

        if (role != StaffRole.Administrator && await rules.IsLastAdministratorAsync(users, user))
        {
            return new StaffCommandResult.Rejected("这是唯一可用的系统管理员账号，不能改为其他角色。");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        var added = removed.Succeeded ? await users.AddToRoleAsync(user, role.ToString()) : removed;
        if (!added.Succeeded)
        {
            return StaffCommandResult.From(added);
        }

        user.Regions.RemoveAll(r => !codes.Contains(r.RegionCode));
        user.Regions.AddRange(codes.Where(c => user.Regions.All(r => r.RegionCode != c)).Select(c => new StaffRegion { RegionCode = c }));

        // A new stamp ends every session the colleague has: their next request signs them out.
        var stamped = await users.UpdateSecurityStampAsync(user);
        if (!stamped.Succeeded)
        {
            return StaffCommandResult.From(stamped);
        }

        await audit.RecordAsync(actorStaffId, user.Id, StaffAccountAction.ChangeAccess, $"{user.DisplayName}：{await rules.DescribeAsync(role, codes, cancellationToken)}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new StaffCommandResult.Done(user.Id);
    }
}

/// <summary>An administrator disables a colleague (who is signed out everywhere and cannot sign in) or enables them again.</summary>
public sealed class SetStaffDisabledCommand(UserManager<StaffUser> users, PolicyAssistantDbContext db, RecordStaffAccountAuditCommand audit, TimeProvider clock)
{
    public async Task<StaffCommandResult> SetDisabledAsync(int actorStaffId, int staffUserId, bool disabled, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(staffUserId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
        {
            return new StaffCommandResult.Rejected("找不到这个账号。");
        }

        if (disabled && user.Id == actorStaffId)
        {
            return new StaffCommandResult.Rejected("不能停用自己的账号。");
        }

        if (disabled && await new StaffAccessRules(db).IsLastAdministratorAsync(users, user))
        {
            return new StaffCommandResult.Rejected("这是唯一可用的系统管理员账号，不能停用。");
        }

        user.DisabledAt = disabled ? clock.GetUtcNow() : null;
        var result = disabled ? await users.UpdateSecurityStampAsync(user) : await users.UpdateAsync(user);
        if (!result.Succeeded)
        {
            return StaffCommandResult.From(result);
        }

        await audit.RecordAsync(actorStaffId, user.Id, disabled ? StaffAccountAction.DisableStaff : StaffAccountAction.EnableStaff, user.DisplayName, cancellationToken);
        return new StaffCommandResult.Done(user.Id);
    }
}

/// <summary>An administrator gives a colleague a new temporary password, to be changed at their next sign-in; their sessions end.</summary>
public sealed class ResetStaffPasswordCommand(UserManager<StaffUser> users, RecordStaffAccountAuditCommand audit)
{
    public async Task<StaffCommandResult> ResetAsync(int actorStaffId, int staffUserId, string temporaryPassword, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(staffUserId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
        {
            return new StaffCommandResult.Rejected("找不到这个账号。");
        }

        // Identity's reset validates the password, stores its hash and renews the security stamp.
        user.MustChangePassword = true;
        var result = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), temporaryPassword);
        if (!result.Succeeded)
        {
            return StaffCommandResult.From(result);
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(actorStaffId, user.Id, StaffAccountAction.ResetPassword, user.DisplayName, cancellationToken);
        return new StaffCommandResult.Done(user.Id);
    }
}

/// <summary>A staff member changes their own password (required after an administrator set it).</summary>
public sealed class ChangeOwnPasswordCommand(UserManager<StaffUser> users)
{
    public async Task<StaffCommandResult> ChangeAsync(int staffUserId, string currentPassword, string newPassword)
    {
        if (await users.FindByIdAsync(staffUserId.ToString(System.Globalization.CultureInfo.InvariantCulture)) is not { } user)
        {
            return new StaffCommandResult.Rejected("找不到这个账号。");
        }

        if (currentPassword == newPassword)
        {
            return new StaffCommandResult.Rejected("新密码不能与当前密码相同。");
        }

        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        return result.Succeeded ? new StaffCommandResult.Done(user.Id) : StaffCommandResult.From(result);
    }
}

/// <summary>Writes one row of the staff-account audit trail.</summary>
public sealed class RecordStaffAccountAuditCommand(PolicyAssistantDbContext db, TimeProvider clock)
{
    public async Task RecordAsync(int? actorStaffId, int? subjectStaffId, StaffAccountAction action, string? detail, CancellationToken cancellationToken)
    {
        db.Add(new StaffAccountAuditEntry
        {
            OccurredAt = clock.GetUtcNow().UtcDateTime,
            ActorStaffId = actorStaffId,
            SubjectStaffId = subjectStaffId,
            Action = action,
            Detail = detail?.Length > 500 ? detail[..500] : detail,
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}
