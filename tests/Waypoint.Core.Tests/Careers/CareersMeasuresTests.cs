using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Access;
using Waypoint.Core.Careers;
using Waypoint.Core.Casework;
using Waypoint.Core.Data;
using Waypoint.Core.Organisations;
using Waypoint.Core.Users;
using Waypoint.Core.YoungPeople;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Careers;

/// <summary>Each per-pupil measure at its boundaries (issue 7, acceptance 1). The clock is 23 November 2026 (2026/27).</summary>
public class CareersMeasuresTests
{
    public static TheoryData<DatabaseProvider> Providers => TestDatabases.Providers;

    private sealed class World(ServiceProvider services, TestData data, Organisation school, Actor leader) : IAsyncDisposable
    {
        public TestData Data => data;
        public Organisation School => school;
        public Actor Leader => leader;

        public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
        {
            await using var scope = services.CreateAsyncScope();
            return await action(scope.ServiceProvider);
        }

        public Task<CareersPartner> PartnerAsync(string name, PartnerKind kind = PartnerKind.FurtherEducationCollege) =>
            InScopeAsync(sp => sp.GetRequiredService<CareersService>().AddPartnerAsync(leader,
                new AddPartnerOptions(name, kind, null, [CareersActivityType.ProviderEncounter], false, null, null, null)));

        public Task<CareersActivity> RecordAsync(CareersActivityType type, DateOnly date, IReadOnlyCollection<Guid> pupils, CareersPartner? partner = null, bool inSchoolHours = true, decimal? hours = null) =>
            InScopeAsync(sp => sp.GetRequiredService<CareersService>().RecordActivityAsync(leader, new RecordCareersActivityOptions(
                type, $"{type} on {date}", date, inSchoolHours, partner?.Id, null, null, 0, null, null, true, null, null, hours, pupils, "test")));

        public async Task<PupilMeasures> MeasuresAsync(YoungPerson pupil) =>
            (await InScopeAsync(sp => sp.GetRequiredService<CareersMeasuresService>().ForSchoolAsync(leader, school.Id, data.Today)))
                .Pupils.Single(p => p.Pupil.Id == pupil.Id);

        public Task<YoungPerson> PupilAsync(int yearGroup) => data.CreateYoungPersonAsync(p => p.SchoolId = school.Id, yearGroup);

        public ValueTask DisposeAsync() => services.DisposeAsync();
    }

    private static async Task<World> CreateWorldAsync(DatabaseProvider provider, string name)
    {
        var clock = TestClock.Create();
        var services = CoreServices.Build(await TestDatabases.CreateMigratedAsync(provider, name), clock);
        var data = new TestData(services, clock);
        var school = await data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var leader = await data.CreateUserAsync(WaypointRole.CareersLeader, school.Id);
        return new World(services, data, school, new Actor(leader.Id, leader.Email!, WaypointRole.CareersLeader, school.Id, "931", null));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PersonalGuidance_InterviewRecordedInCasework_CountsWhenTheAdviserIsQualifiedToLevel6(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_casework_guidance");
        var seenByQualified = await world.PupilAsync(11);
        var seenByTrainee = await world.PupilAsync(11);
        var inAGroup = await world.PupilAsync(11);
        var careersService = await world.Data.CreateOrganisationAsync(OrganisationKind.CareersGuidanceProvider);
        async Task<Actor> AdviserAsync(int level)
        {
            var user = await world.Data.CreateUserAsync(WaypointRole.PersonalAdviser, careersService.Id);
            var actor = new Actor(user.Id, user.Email!, WaypointRole.PersonalAdviser, careersService.Id, "931", null);
            await world.InScopeAsync(async sp =>
            {
                await sp.GetRequiredService<AdviserRegister>().AddQualificationAsync(actor, level, $"Level {level} in careers guidance", new(2020, 7, 1));
                return 0;
            });
            return actor;
        }

        var qualified = await AdviserAsync(6);
        var trainee = await AdviserAsync(4);
        Task<CaseContact> InterviewAsync(Actor adviser, YoungPerson pupil, ContactChannel channel) =>
            world.InScopeAsync(sp => sp.GetRequiredService<CaseworkService>().RecordContactAsync(adviser, new RecordContactOptions(
                pupil.Id, new(2026, 11, 2), channel, ContactType.GuidanceInterview, 45, "School library", "Options discussed", null, NoteSensitivity.None, [])));
        var before = await world.MeasuresAsync(seenByQualified);
        await InterviewAsync(qualified, seenByQualified, ContactChannel.FaceToFace);
        await InterviewAsync(trainee, seenByTrainee, ContactChannel.FaceToFace);
        await InterviewAsync(qualified, inAGroup, ContactChannel.GroupSession);

        var school = await world.InScopeAsync(sp => sp.GetRequiredService<CareersMeasuresService>().ForSchoolAsync(world.Leader, world.School.Id, world.Data.Today));
        var gaps = school.Gaps(CareersMeasure.PersonalGuidanceBy16).Select(g => g.Pupil.Id).ToList();

        Assert.False(before.Meets(CareersMeasure.PersonalGuidanceBy16));
        Assert.DoesNotContain(seenByQualified.Id, gaps);
        Assert.Contains(seenByTrainee.Id, gaps);
        Assert.Contains(inAGroup.Id, gaps);
        // An interview in Year 11 is the one by 16; the further one by 18 is still to come.
        Assert.False(school.Pupils.Single(p => p.Pupil.Id == seenByQualified.Id).Meets(CareersMeasure.PersonalGuidanceBy18));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProviderEncounters_SameProviderTwiceInOnePhase_CountsOnce(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_same_provider");
        var pupil = await world.PupilAsync(9);
        var college = await world.PartnerAsync("Same College");
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2026, 1, 20), [pupil.Id], college);
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2026, 6, 10), [pupil.Id], college);

        var twiceTheSame = await world.MeasuresAsync(pupil);
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2026, 10, 5), [pupil.Id], await world.PartnerAsync("Other Provider", PartnerKind.ApprenticeshipProvider));
        var twoProviders = await world.MeasuresAsync(pupil);

        Assert.Equal(1, twiceTheSame.Counts.ProvidersPhase1);
        Assert.False(twiceTheSame.Meets(CareersMeasure.ProviderEncountersYears8To9));
        Assert.Equal(2, twoProviders.Counts.ProvidersPhase1);
        Assert.True(twoProviders.Meets(CareersMeasure.ProviderEncountersYears8To9));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProviderEncounters_FirstOfMarchOfYear9_FallsOutsideTheFirstWindow(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_first_march");
        var onTime = await world.PupilAsync(10);
        var late = await world.PupilAsync(10);
        var first = await world.PartnerAsync("First College");
        var second = await world.PartnerAsync("Second UTC", PartnerKind.UniversityTechnicalCollege);
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2025, 11, 3), [onTime.Id, late.Id], first);
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2026, 2, 28), [onTime.Id], second);
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2026, 3, 1), [late.Id], second);

        var inTime = await world.MeasuresAsync(onTime);
        var tooLate = await world.MeasuresAsync(late);

        Assert.Equal(2, inTime.Counts.ProvidersPhase1);
        Assert.Equal(1, tooLate.Counts.ProvidersPhase1);
        Assert.Equal(0, tooLate.Counts.ProvidersPhase2);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task ProviderEncounters_AfterSchoolEvent_DoesNotCount(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_after_school");
        var pupil = await world.PupilAsync(11);
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2026, 9, 20), [pupil.Id], await world.PartnerAsync("Day College"));
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2026, 10, 1), [pupil.Id], await world.PartnerAsync("Evening College"), inSchoolHours: false);

        var measures = await world.MeasuresAsync(pupil);

        Assert.Equal(1, measures.Counts.ProvidersPhase2);
        Assert.False(measures.Meets(CareersMeasure.ProviderEncountersYears10To11));
        Assert.Contains(pupil.Id, (await world.InScopeAsync(sp => sp.GetRequiredService<CareersMeasuresService>().ForSchoolAsync(world.Leader, world.School.Id, world.Data.Today)))
            .Gaps(CareersMeasure.ProviderEncountersYears10To11).Select(g => g.Pupil.Id));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task EmployerEncounter_ThirtyFirstAugustAndFirstSeptember_OnlyTheNewYearCounts(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_employer_year");
        var lastYear = await world.PupilAsync(8);
        var thisYear = await world.PupilAsync(8);
        await world.RecordAsync(CareersActivityType.EmployerTalk, new(2026, 8, 31), [lastYear.Id, thisYear.Id]);
        await world.RecordAsync(CareersActivityType.CareersFair, new(2026, 9, 1), [thisYear.Id]);

        var before = await world.MeasuresAsync(lastYear);
        var after = await world.MeasuresAsync(thisYear);

        Assert.False(before.Meets(CareersMeasure.EmployerEncounterThisYear));
        Assert.True(after.Meets(CareersMeasure.EmployerEncounterThisYear));
        Assert.Equal(2, after.Counts.EmployerTotal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task WorkplaceExperience_InYear11AndYear12_CountBy16AndBy18WithHours(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_workplace");
        var pupil = await world.PupilAsync(12);
        await world.RecordAsync(CareersActivityType.WorkplaceVisit, new(2026, 7, 1), [pupil.Id]);
        var afterYear11 = await world.MeasuresAsync(pupil);
        await world.RecordAsync(CareersActivityType.WorkExperience, new(2026, 10, 12), [pupil.Id], hours: 35m);
        var afterYear12 = await world.MeasuresAsync(pupil);

        Assert.Equal(1, afterYear11.Counts.WorkplaceBy16);
        Assert.False(afterYear11.Meets(CareersMeasure.WorkplaceExperienceBy18));
        Assert.Equal(1, afterYear12.Counts.WorkplaceBy16);
        Assert.Equal(2, afterYear12.Counts.WorkplaceBy18);
        Assert.True(afterYear12.Meets(CareersMeasure.WorkplaceExperienceBy18));
        Assert.Equal(35m, afterYear12.Counts.WorkplaceHours);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task WorkplaceHours_TwoWeeksIsSixtyHoursInAll_ShownInBenchmark6Evidence(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_two_weeks");
        var twoPlacements = await world.PupilAsync(12);
        var onePlacement = await world.PupilAsync(12);
        var justShort = await world.PupilAsync(12);
        await world.RecordAsync(CareersActivityType.WorkExperience, new(2026, 7, 6), [twoPlacements.Id, onePlacement.Id], hours: 35m);
        await world.RecordAsync(CareersActivityType.WorkExperience, new(2026, 10, 12), [twoPlacements.Id], hours: 25m);
        await world.RecordAsync(CareersActivityType.WorkExperience, new(2026, 10, 19), [justShort.Id], hours: 59.5m);

        var (measures, results) = await world.InScopeAsync(sp => sp.GetRequiredService<BenchmarkAssessment>().AssessAsync(world.Leader, world.School.Id, world.Data.Today));
        var evidence = results.Single(r => r.Benchmark == 6).Areas.Single(a => a.Area.Key == "bm6-by18").Evidence;

        Assert.Equal(60m, measures.Pupils.Single(p => p.Pupil.Id == twoPlacements.Id).Counts.WorkplaceHours);
        Assert.Equal(59.5m, measures.Pupils.Single(p => p.Pupil.Id == justShort.Id).Counts.WorkplaceHours);
        Assert.EndsWith("1 of 3 have had two weeks (60 hours) of workplace experience in all.", evidence, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task PersonalGuidance_InYear11_MeetsBy16ButNotTheFurtherOneBy18(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_guidance");
        var pupil = await world.PupilAsync(13);
        await world.RecordAsync(CareersActivityType.PersonalGuidance, new(2025, 5, 12), [pupil.Id]);
        var once = await world.MeasuresAsync(pupil);
        await world.RecordAsync(CareersActivityType.PersonalGuidance, new(2026, 11, 2), [pupil.Id]);
        var twice = await world.MeasuresAsync(pupil);

        Assert.Equal(1, once.Counts.GuidanceBy16);
        Assert.False(once.Meets(CareersMeasure.PersonalGuidanceBy18));
        Assert.True(twice.Meets(CareersMeasure.PersonalGuidanceBy18));
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Register_PupilOfAnotherSchool_RefusedAndNothingRecorded(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_other_school");
        var other = await world.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var ours = await world.PupilAsync(10);
        var theirs = await world.Data.CreateYoungPersonAsync(p => p.SchoolId = other.Id, 10);

        await Assert.ThrowsAsync<CareersAccessException>(() => world.RecordAsync(CareersActivityType.EmployerTalk, new(2026, 11, 2), [ours.Id, theirs.Id]));

        Assert.Equal(0, (await world.MeasuresAsync(ours)).Counts.Activities);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Tallies_AfterRegistersCorrectionsAndDeletions_AgreeWithCountingTheRows(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_tallies");
        var random = new Random(11);
        var pupils = new List<YoungPerson>();
        for (var year = 7; year <= 13; year++)
        {
            pupils.Add(await world.PupilAsync(year));
            pupils.Add(await world.PupilAsync(year));
        }

        var partners = new List<CareersPartner>();
        for (var i = 0; i < 3; i++)
        {
            partners.Add(await world.PartnerAsync($"Provider {i}"));
        }

        // Every type over two academic years and the March boundary, in and out of school hours, with and without a
        // provider, each with a random half of the pupils.
        var activities = new List<CareersActivity>();
        var dates = new DateOnly[] { new(2025, 9, 15), new(2026, 2, 27), new(2026, 3, 2), new(2026, 7, 10), new(2026, 9, 8), new(2026, 11, 20) };
        foreach (var type in Enum.GetValues<CareersActivityType>())
        {
            for (var k = 0; k < 4; k++)
            {
                var taking = pupils.Where(_ => random.Next(2) == 0).Select(p => p.Id).ToList();
                var partner = type == CareersActivityType.ProviderEncounter || random.Next(3) == 0 ? partners[random.Next(partners.Count)] : null;
                activities.Add(await world.RecordAsync(type, dates[random.Next(dates.Length)], taking.Count == 0 ? [pupils[0].Id] : taking, partner,
                    inSchoolHours: random.Next(5) != 0, hours: type == CareersActivityType.WorkExperience ? 7.5m * (1 + random.Next(10)) : null));
            }
        }

        Task<TallyCheck> CheckAsync() => world.InScopeAsync(sp => sp.GetRequiredService<CareersMeasuresService>().CheckTalliesAsync());
        Task ChangeAsync(Func<WaypointDbContext, Task> change) => world.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<WaypointDbContext>();
            await change(db);
            return await db.SaveChangesAsync();
        });

        var recorded = await CheckAsync();

        // A correction of a counted column, then a change nothing is counted from (a reflection).
        await ChangeAsync(async db =>
        {
            var row = await db.CareersParticipations.FirstAsync(p => p.Type == CareersActivityType.ProviderEncounter && p.BeforeMarch);
            (row.Date, row.BeforeMarch, row.YearGroup, row.PartnerId) = (new(2026, 3, 3), false, row.YearGroup + 1, partners[2].Id);
        });
        await ChangeAsync(async db => (await db.CareersParticipations.FirstAsync()).Reflection = "I learnt what an apprenticeship is");
        var corrected = await CheckAsync();

        // An activity deleted (its register goes with it) and a pupil's record erased.
        var erased = pupils[^1].Id;
        await ChangeAsync(async db => db.CareersActivities.Remove(await db.CareersActivities.FirstAsync(a => a.Id == activities[0].Id)));
        await ChangeAsync(async db => db.YoungPeople.Remove(await db.YoungPeople.FirstAsync(p => p.Id == erased)));
        var deleted = await CheckAsync();
        var erasedTallies = await world.InScopeAsync(sp => sp.GetRequiredService<WaypointDbContext>().CareersTallies.CountAsync(t => t.YoungPersonId == erased));

        // A tally lost behind the triggers' back (a restore of one table) is what the check is for.
        var lost = pupils[1].Id;
        await world.InScopeAsync(sp => sp.GetRequiredService<WaypointDbContext>().CareersTallies.Where(t => t.YoungPersonId == lost).ExecuteDeleteAsync());
        var afterLoss = await CheckAsync();

        Assert.True(recorded.Agree, $"tallied {recorded.PupilsTallied}, counted {recorded.PupilsCounted}, differ {recorded.Differ.Count}");
        Assert.Equal(pupils.Count, recorded.PupilsTallied);
        Assert.True(corrected.Agree, $"tallied {corrected.PupilsTallied}, counted {corrected.PupilsCounted}, differ {corrected.Differ.Count}");
        Assert.True(deleted.Agree, $"tallied {deleted.PupilsTallied}, counted {deleted.PupilsCounted}, differ {deleted.Differ.Count}");
        Assert.Equal(pupils.Count - 1, deleted.PupilsTallied);
        Assert.Equal(0, erasedTallies);
        Assert.False(afterLoss.Agree);
        Assert.Equal([lost], afterLoss.Differ);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Measures_AsAtADateBeforeTheLatestParticipation_CountOnlyWhatHadHappened(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_past_date");
        var pupil = await world.PupilAsync(10);
        await world.RecordAsync(CareersActivityType.EmployerTalk, new(2026, 10, 1), [pupil.Id]);
        await world.RecordAsync(CareersActivityType.CareersFair, new(2026, 11, 16), [pupil.Id]);

        var measures = await world.InScopeAsync(sp => sp.GetRequiredService<CareersMeasuresService>().ForSchoolAsync(world.Leader, world.School.Id, new(2026, 10, 31)));
        var now = await world.MeasuresAsync(pupil);

        var la = await world.InScopeAsync(sp => sp.GetRequiredService<CareersMeasuresService>().ForLaAsync(world.Leader, "931", new(2026, 10, 31)));

        Assert.Equal(1, measures.Pupils.Single(p => p.Pupil.Id == pupil.Id).Counts.EmployerTotal);
        Assert.Equal(1, la[world.School.Id].Pupils.Single(p => p.Pupil.Id == pupil.Id).Counts.EmployerTotal);
        Assert.Equal(2, now.Counts.EmployerTotal);
    }

    [SkippableTheory]
    [MemberData(nameof(Providers))]
    public async Task Measures_ForTheWholeLa_AsEachSchoolHasThemAndAcrossAMoveBetweenSchools(DatabaseProvider provider)
    {
        await using var world = await CreateWorldAsync(provider, "careers_la_read");
        var today = world.Data.Today;
        var pupils = new List<YoungPerson>();
        for (var year = 7; year <= 13; year++)
        {
            // The first and last birthdays of every year group, with and without SEND, free school meals and absence.
            var (earliest, latest) = AcademicAge.DateOfBirthRange(year, today);
            var even = year % 2 == 0;
            pupils.Add(await world.Data.CreateYoungPersonAsync(p =>
            {
                (p.SchoolId, p.DateOfBirth, p.HasEhcPlan) = (world.School.Id, earliest, even);
                p.Census = new PupilCensusData { FreeSchoolMeals = true, AttendancePercent = 85m };
            }, year));
            pupils.Add(await world.Data.CreateYoungPersonAsync(p =>
            {
                (p.SchoolId, p.DateOfBirth, p.HasSenSupport) = (world.School.Id, latest, !even);
                p.Census = new PupilCensusData { AttendancePercent = 97m };
            }, year));
        }

        var first = await world.PartnerAsync("First College");
        var second = await world.PartnerAsync("Second College");
        var ids = pupils.Select(p => p.Id).ToList();
        var nothingYet = await world.PupilAsync(9);
        await world.RecordAsync(CareersActivityType.EmployerTalk, new(2026, 10, 5), ids);
        await world.RecordAsync(CareersActivityType.WorkExperience, new(2026, 7, 6), ids, hours: 30m);
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2026, 10, 8), ids, first);
        await world.RecordAsync(CareersActivityType.ProviderEncounter, new(2026, 11, 2), ids.Where((_, i) => i % 3 == 0).ToList(), second);
        await world.RecordAsync(CareersActivityType.CareersLesson, new(2026, 9, 21), ids.Where((_, i) => i % 2 == 0).ToList());
        await world.RecordAsync(CareersActivityType.PersonalGuidance, new(2026, 11, 16), ids.Where((_, i) => i % 4 == 0).ToList());
        Task<IReadOnlyDictionary<Guid, SchoolMeasures>> LaAsync() =>
            world.InScopeAsync(sp => sp.GetRequiredService<CareersMeasuresService>().ForLaAsync(world.Leader, "931", today));

        var own = await world.InScopeAsync(sp => sp.GetRequiredService<CareersMeasuresService>().ForSchoolAsync(world.Leader, world.School.Id, today));
        var la = (await LaAsync())[world.School.Id].Pupils.ToDictionary(p => p.Pupil.Id);

        // Two pupils who have each met one college move to another school of the LA: there a Year 10 pupil meets the same
        // college again (still one provider, not two), a Year 8 pupil another provider (two, though each school's tally
        // holds one).
        var sameAgain = pupils.Last(p => AcademicAge.YearGroup(p.DateOfBirth, today) == 10);
        var another = pupils.First(p => AcademicAge.YearGroup(p.DateOfBirth, today) == 8);
        var otherSchool = await world.Data.CreateOrganisationAsync(OrganisationKind.SchoolOrCollege);
        var otherLeader = await world.Data.CreateUserAsync(WaypointRole.CareersLeader, otherSchool.Id);
        var otherActor = new Actor(otherLeader.Id, otherLeader.Email!, WaypointRole.CareersLeader, otherSchool.Id, "931", null);
        await world.InScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<WaypointDbContext>();
            await foreach (var moved in db.YoungPeople.Where(p => p.Id == sameAgain.Id || p.Id == another.Id).AsAsyncEnumerable())
            {
                moved.SchoolId = otherSchool.Id;
            }

            return await db.SaveChangesAsync();
        });
        Task RecordAtOtherSchoolAsync(YoungPerson pupil, CareersPartner partner) => world.InScopeAsync(sp => sp.GetRequiredService<CareersService>().RecordActivityAsync(
            otherActor, new RecordCareersActivityOptions(CareersActivityType.ProviderEncounter, $"Visit to {partner.Name}", new(2026, 11, 18), true, partner.Id, null, null,
                0, null, null, true, null, null, null, [pupil.Id], "test")));
        async Task<PupilCounts> AtOtherSchoolAsync(YoungPerson pupil) => (await LaAsync())[otherSchool.Id].Pupils.Single(p => p.Pupil.Id == pupil.Id).Counts;
        var (sameBefore, anotherBefore) = (await AtOtherSchoolAsync(sameAgain), await AtOtherSchoolAsync(another));
        await RecordAtOtherSchoolAsync(sameAgain, first);
        await RecordAtOtherSchoolAsync(another, second);
        var (sameAfter, anotherAfter) = (await AtOtherSchoolAsync(sameAgain), await AtOtherSchoolAsync(another));

        Assert.Equal(pupils.Count + 1, own.Pupils.Count);
        Assert.Equal(0, la[nothingYet.Id].Counts.Activities);
        Assert.All(own.Pupils, p =>
        {
            var read = la[p.Pupil.Id];
            Assert.Equal((p.Pupil.YearGroup, p.Pupil.Send, p.Pupil.Disadvantaged, p.Pupil.PersistentlyAbsent),
                (read.Pupil.YearGroup, read.Pupil.Send, read.Pupil.Disadvantaged, read.Pupil.PersistentlyAbsent));
            Assert.Equivalent(p.Counts, read.Counts, strict: true);
        });
        Assert.Equal(pupils.Count, own.Pupils.Where(p => p.Pupil.Id != nothingYet.Id).Select(p => (p.Pupil.YearGroup, p.Pupil.Send, p.Pupil.Disadvantaged, p.Pupil.PersistentlyAbsent)).Distinct().Count());
        Assert.Equal((3, 1), (sameBefore.Activities, sameBefore.ProvidersPhase2));
        Assert.Equal((4, 1), (sameAfter.Activities, sameAfter.ProvidersPhase2));
        Assert.Equal((4, 1), (anotherBefore.Activities, anotherBefore.ProvidersPhase1));
        Assert.Equal((5, 2), (anotherAfter.Activities, anotherAfter.ProvidersPhase1));
    }
}
