using Waypoint.Core.Users;

namespace Waypoint.Core.Tests.Users;

public class PasswordPolicyTests
{
    private static readonly WaypointUser User = new() { DisplayName = "Sam", Email = "samuel.jones@example.test" };

    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("alllowercaseletters")]
    [InlineData("a passphrase that is exactly sixty four characters long, honestly")]
    public async Task Validate_LongPasswordsWithoutComposition_Accepted(string password)
    {
        var result = await new PasswordPolicy().ValidateAsync(null!, User, password);

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData("password123", "PasswordTooCommon")]
    [InlineData("Samuel.Jones-2026", "PasswordContainsEmail")]
    public async Task Validate_WeakPasswords_Refused(string password, string code)
    {
        var result = await new PasswordPolicy().ValidateAsync(null!, User, password);

        Assert.Contains(result.Errors, e => e.Code == code);
    }

    [Fact]
    public async Task Validate_MoreThan128Characters_Refused()
    {
        var result = await new PasswordPolicy().ValidateAsync(null!, User, new string('x', 129));

        Assert.Contains(result.Errors, e => e.Code == "PasswordTooLong");
    }
}
