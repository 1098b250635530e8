using Waypoint.Core.Nccis;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tests.Nccis;

public class PersonRulesTests
{
    private static readonly DateOnly DateOfBirth = new(2010, 3, 15);

    public static TheoryData<string> EthnicityCodeList => new(EthnicityCodes.All.Keys);

    [Fact]
    public void Validate_ValidPerson_NoViolations() => Assert.Empty(Validate());

    [Fact]
    public void Validate_OptionalIdentifiersBlank_NoViolations() => Assert.Empty(Validate(postcode: null, upn: null, uln: ""));

    [Fact]
    public void Validate_PregnantCharacteristicWithGenderMale_Error260() =>
        AssertSingle(Validate(gender: Gender.M, characteristics: ["180"]), "Characteristics", 260);

    [Theory]
    [InlineData(Gender.F)]
    [InlineData(Gender.U)]
    [InlineData(Gender.W)]
    public void Validate_PregnantCharacteristicWithOtherGender_NoViolations(Gender gender) => Assert.Empty(Validate(gender: gender, characteristics: ["180"]));

    [Fact]
    public void Validate_EhcPlanAndSenSupport_Error306() => AssertSingle(Validate(hasEhcPlan: true, hasSenSupport: true), "HasSenSupport", 306);

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(false, false)]
    public void Validate_EhcPlanOrSenSupportOrNeither_NoViolations(bool hasEhcPlan, bool hasSenSupport) =>
        Assert.Empty(Validate(hasEhcPlan: hasEhcPlan, hasSenSupport: hasSenSupport));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(-1)]
    public void Validate_LevelOfNeedOutside1To3_Error101(int levelOfNeed) => AssertSingle(Validate(levelOfNeed: levelOfNeed), "LevelOfNeed", 101);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Validate_LevelOfNeed1To3_NoViolations(int levelOfNeed) => Assert.Empty(Validate(levelOfNeed: levelOfNeed));

    [Theory]
    [InlineData("OX4")]
    [InlineData("123 4AB")]
    [InlineData("OX44 3AB1")]
    public void Validate_PostcodeBadlyFormed_Error43(string postcode) => AssertSingle(Validate(postcode: postcode), "Postcode", 43);

    [Theory]
    [InlineData("OX4 3AB")]
    [InlineData("sw1a1aa")]
    public void Validate_PostcodeWellFormed_NoViolations(string postcode) => Assert.Empty(Validate(postcode: postcode));

    [Fact]
    public void Validate_UpnWrongCheckLetter_ReportsUpnMessageWithoutNccisNumber() =>
        AssertSingle(Validate(upn: "Z801200001001"), "Upn", null, "UPN invalid (wrong check letter at character 1)");

    [Fact]
    public void Validate_UpnWrongLength_Error38() => AssertSingle(Validate(upn: "H8012000010"), "Upn", 38, "UPN must be 13 characters");

    [Theory]
    [InlineData("927630868")]
    [InlineData("0276308686")]
    [InlineData("92763086a6")]
    public void Validate_UlnNotTenDigitsWithoutLeadingZero_Error30(string uln) => AssertSingle(Validate(uln: uln), "Uln", 30);

    [Fact]
    public void Validate_UlnWrongCheckDigit_ViolationWithoutNccisNumber() => AssertSingle(Validate(uln: "9276308685"), "Uln", null);

    [Fact]
    public void Validate_EthnicityMissing_Error6() => AssertSingle(Validate(ethnicityCode: ""), "EthnicityCode", 6);

    [Theory]
    [InlineData("XXXX")]
    [InlineData("wbri")]
    [InlineData("WHIT")]
    public void Validate_EthnicityNotYp27_Error7(string ethnicityCode) => AssertSingle(Validate(ethnicityCode: ethnicityCode), "EthnicityCode", 7);

    [Theory]
    [MemberData(nameof(EthnicityCodeList))]
    public void Validate_EveryYp27Code_NoViolations(string ethnicityCode) => Assert.Empty(Validate(ethnicityCode: ethnicityCode));

    [Theory]
    [InlineData("110")]
    [InlineData("120")]
    [InlineData("130")]
    [InlineData("140")]
    [InlineData("150")]
    [InlineData("160")]
    [InlineData("170")]
    [InlineData("180")]
    [InlineData("190")]
    [InlineData("200")]
    [InlineData("210")]
    public void Validate_EveryIc01Characteristic_NoViolations(string code) => Assert.Empty(Validate(characteristics: [code]));

    [Theory]
    [InlineData("220")]
    [InlineData("100")]
    [InlineData("14")]
    public void Validate_CharacteristicNotIc01_Error104(string code) => AssertSingle(Validate(characteristics: ["110", code]), "Characteristics", 104);

    [Fact]
    public void Validate_SeveralProblems_ReportsEach()
    {
        var violations = Validate(gender: Gender.M, ethnicityCode: "XXXX", levelOfNeed: 9, hasEhcPlan: true, hasSenSupport: true, characteristics: ["180", "999"]);

        Assert.Equal([7, 101, 104, 260, 306], violations.Select(v => v.NccisError ?? 0).Order());
    }

    private static IReadOnlyList<RuleViolation> Validate(
        Gender gender = Gender.F,
        string ethnicityCode = "WBRI",
        string? postcode = "OX4 3AB",
        string? upn = "H801200001001",
        string? uln = "9276308686",
        int levelOfNeed = 2,
        bool hasEhcPlan = false,
        bool hasSenSupport = false,
        IReadOnlyCollection<string>? characteristics = null) =>
        PersonRules.Validate(DateOfBirth, gender, ethnicityCode, postcode, upn, uln, levelOfNeed, hasEhcPlan, hasSenSupport, characteristics ?? []);

    private static void AssertSingle(IReadOnlyList<RuleViolation> violations, string field, int? error, string? message = null)
    {
        var violation = Assert.Single(violations);
        Assert.Equal(field, violation.Field);
        Assert.Equal(error, violation.NccisError);
        if (message is not null)
        {
            Assert.Equal(message, violation.Message);
        }
    }
}
