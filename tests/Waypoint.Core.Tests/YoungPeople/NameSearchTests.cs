using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Tests.YoungPeople;

public class NameSearchTests
{
    [Theory]
    [InlineData("Zieliński", "zielinski")]
    [InlineData("SMITH-JONES", "smith jones")]
    [InlineData("O'Brien", "o brien")]
    [InlineData("  Chloé   Sánchez ", "chloe sanchez")]
    public void Fold_IgnoresCaseAccentsAndPunctuation(string name, string expected) => Assert.Equal(expected, NameSearch.Fold(name));
}
