using Waypoint.Core.Demo;
using Waypoint.Core.Identifiers;
using Waypoint.Core.Prospectus;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Prospectus;

public class CourseSearchIndexTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(TestClock.Now.UtcDateTime);

    private static CourseSearchIndex DemoIndex(out DemoProspectus prospectus)
    {
        var population = DemoDataGenerator.Generate(new DemoOptions(50, 2026), Today);
        var local = DemoProspectus.Generate(population, Today, 2026);
        var names = population.Organisations.Concat(local.Employers).ToDictionary(o => o.Id, o => o.Name);
        prospectus = local;
        return new CourseSearchIndex(local.Courses.Select(c => new IndexedCourse(
            new CourseSummary(c.Id, c.ProviderId, names[c.ProviderId], c.Title, c.QualificationType, c.Level, c.SubjectArea, c.StartDate, c.StudyMode,
                c.Venue, c.VenuePostcode, PostcodeDistricts.Locate(c.VenuePostcode), "931"), c.Description, c.EntryRequirements)), "test");
    }

    [Theory]
    [InlineData("engineering", "engin")]
    [InlineData("engineers", "engin")]
    [InlineData("hairdressing", "hairdress")]
    [InlineData("caring", "care")]
    [InlineData("relational", "relat")]
    [InlineData("generalizations", "gener")]
    [InlineData("ponies", "poni")]
    public void Stem_EnglishWords_GivesPortersStems(string word, string stem) => Assert.Equal(stem, PorterStemmer.Stem(word));

    [Theory]
    [InlineData("enginering", "engineering", 1, true)]
    [InlineData("hiardressing", "hairdressing", 1, true)]
    [InlineData("plumber", "plumbing", 1, false)]
    [InlineData("biolgy", "biology", 1, true)]
    public void EditDistance_Within_CountsInsertionsAndTranspositionsAsOne(string a, string b, int max, bool within) =>
        Assert.Equal(within, EditDistance.Within(a, b, max));

    [Fact]
    public void DemoProspectus_Generated_HasARealisticLocalOfferOfAtLeast300Courses()
    {
        var index = DemoIndex(out var prospectus);

        Assert.True(prospectus.Courses.Count >= 300, $"{prospectus.Courses.Count} courses");
        Assert.All(prospectus.Courses, c => Assert.True(Postcode.IsValid(c.VenuePostcode) && PostcodeDistricts.Locate(c.VenuePostcode) is not null, c.VenuePostcode));
        Assert.All(Enum.GetValues<QualificationType>(), t => Assert.Contains(prospectus.Courses, c => c.QualificationType == t));
        Assert.Equal(prospectus.Courses.Count, index.Count);
    }

    [Fact]
    public void Match_MisspeltWord_FindsEngineeringCoursesRankedByTitle()
    {
        var index = DemoIndex(out _);

        var hits = index.Match("enginering", _ => true).OrderByDescending(h => h.Score).ToList();

        Assert.NotEmpty(hits);
        Assert.All(hits, h => Assert.Contains("engineer", $"{h.Course.Title} {h.Course.SubjectArea} {h.Course.ProviderName}", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("Engineering", hits[0].Course.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_EveryWordMustMatch_NarrowsTheResults()
    {
        var index = DemoIndex(out _);

        var physics = index.Match("physics", _ => true);
        var both = index.Match("a level physics", _ => true);
        var nonsense = index.Match("physics xylophonist", _ => true);

        Assert.NotEmpty(physics);
        Assert.All(both, h => Assert.Equal(QualificationType.ALevel, h.Course.QualificationType));
        Assert.Empty(nonsense);
    }

    [Fact]
    public void MilesTo_OxfordToBanbury_IsAbout21Miles()
    {
        var oxford = PostcodeDistricts.Locate("OX1 1AA")!.Value;
        var banbury = PostcodeDistricts.Locate("OX16")!.Value;

        Assert.InRange(oxford.MilesTo(banbury), 19, 23);
        Assert.Null(PostcodeDistricts.Locate("ZZ9 9ZZ"));
    }
}
