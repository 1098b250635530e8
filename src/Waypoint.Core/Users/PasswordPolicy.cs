using Microsoft.AspNetCore.Identity;

namespace Waypoint.Core.Users;

/// <summary>
/// OWASP ASVS level 2 password rules: at least 8 characters, at least 64 allowed, no composition rules,
/// and refusal of the commonest passwords and of passwords that contain the account's own email name.
/// </summary>
public class PasswordPolicy : IPasswordValidator<WaypointUser>
{
    public const int MinimumLength = 8;
    public const int MaximumLength = 128;

    private static readonly Lazy<HashSet<string>> CommonPasswords = new(() =>
    {
        using var stream = typeof(PasswordPolicy).Assembly.GetManifestResourceStream("Waypoint.Core.Demo.Resources.common-passwords.txt")
            ?? throw new InvalidOperationException("The common passwords list is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line.Trim());
            }
        }

        return set;
    });

    public static void Configure(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = false;
        options.RequireLowercase = false;
        options.RequireUppercase = false;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }

    public Task<IdentityResult> ValidateAsync(UserManager<WaypointUser> manager, WaypointUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length > MaximumLength)
        {
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = $"Password must be {MaximumLength} characters or fewer" });
        }

        if (CommonPasswords.Value.Contains(password))
        {
            errors.Add(new IdentityError { Code = "PasswordTooCommon", Description = "Password is too common: choose one that is harder to guess" });
        }

        var localPart = user.Email?.Split('@')[0];
        if (localPart is { Length: >= 4 } && password.Contains(localPart, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new IdentityError { Code = "PasswordContainsEmail", Description = "Password must not contain your email address" });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
