using Microsoft.AspNetCore.Identity;

namespace PolicyAssistant.Application.Staff;

/// <summary>Identity's validation messages in Chinese, for the staff who read them.</summary>
public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "操作未能完成，请稍后再试。");

    public override IdentityError ConcurrencyFailure() => Error(nameof(ConcurrencyFailure), "账号刚被别人修改过，请刷新后再试。");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "当前密码不正确。");

    public override IdentityError InvalidToken() => Error(nameof(InvalidToken), "链接已失效，请重新操作。");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), $"用户名“{userName}”不可用：只能包含字母、数字和 - . _ @。");

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), $"用户名“{userName}”已被使用。");

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), $"邮箱“{email}”格式不正确。");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), $"邮箱“{email}”已被使用。");

    public override IdentityError InvalidRoleName(string? role) => Error(nameof(InvalidRoleName), $"角色“{role}”无效。");

    public override IdentityError DuplicateRoleName(string role) => Error(nameof(DuplicateRoleName), $"角色“{role}”已存在。");

    public override IdentityError UserAlreadyHasPassword() => Error(nameof(UserAlreadyHasPassword), "该账号已设置密码。");

    public override IdentityError UserLockoutNotEnabled() => Error(nameof(UserLockoutNotEnabled), "该账号未启用锁定功能。");

    public override IdentityError UserAlreadyInRole(string role) => Error(nameof(UserAlreadyInRole), "该账号已经是这个角色。");

    public override IdentityError UserNotInRole(string role) => Error(nameof(UserNotInRole), "该账号不是这个角色。");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), $"密码至少 {length} 位。");

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), $"密码至少包含 {uniqueChars} 个不同的字符。");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "密码须包含至少一个符号。");

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "密码须包含至少一个数字。");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "密码须包含至少一个小写字母。");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "密码须包含至少一个大写字母。");

    public override IdentityError RecoveryCodeRedemptionFailed() => Error(nameof(RecoveryCodeRedemptionFailed), "恢复码无效。");

    private static IdentityError Error(string code, string description) => new() { Code = code, Description = description };
}
