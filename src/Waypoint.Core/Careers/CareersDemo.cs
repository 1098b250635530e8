using Microsoft.EntityFrameworkCore;
using Waypoint.Core.Access;
using Waypoint.Core.Data;
using Waypoint.Core.Demo;
using Waypoint.Core.Organisations;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Careers;

/// <summary>
/// Demo careers data: a directory, a published programme per school, forms, and activities with registers over the
/// last academic year and this one so far. Coverage differs by school and pupils who miss school miss more, so the
/// benchmark pages, gaps lists and reports show varied, realistic figures.
/// </summary>
public class CareersDemo(WaypointDbContext db, BenchmarkAssessment assessment, TimeProvider clock)
{
    private static readonly (string Name, PartnerKind Kind, string Sectors, CareersActivityType[] Offers, bool Stem)[] Partners =
    [
        ("Oxford University Hospitals NHS Trust", PartnerKind.Employer, "Health, Science", [CareersActivityType.EmployerTalk, CareersActivityType.WorkplaceVisit, CareersActivityType.WorkExperience, CareersActivityType.CareersFair], true),
        ("Mini Plant Oxford", PartnerKind.Employer, "Manufacturing, Engineering", [CareersActivityType.WorkplaceVisit, CareersActivityType.EnterpriseChallenge, CareersActivityType.WorkShadowing], true),
        ("Thames Valley Police", PartnerKind.Employer, "Public services", [CareersActivityType.EmployerTalk, CareersActivityType.Mentoring], false),
        ("Cotswold Builders Ltd", PartnerKind.Employer, "Construction", [CareersActivityType.WorkExperience, CareersActivityType.WorkplaceVisit], false),
        ("Riverside Software", PartnerKind.Employer, "Digital", [CareersActivityType.EmployerTalk, CareersActivityType.EnterpriseChallenge, CareersActivityType.WorkExperience], true),
        ("Isis Valley College of Further Education", PartnerKind.FurtherEducationCollege, "Further education", [CareersActivityType.ProviderEncounter], false),
        ("Didcot University Technical College", PartnerKind.UniversityTechnicalCollege, "Engineering, Digital", [CareersActivityType.ProviderEncounter], true),
        ("Cotswold Skills Training", PartnerKind.ApprenticeshipProvider, "Apprenticeships", [CareersActivityType.ProviderEncounter], false),
        ("Oxford Brookes University", PartnerKind.HigherEducation, "Higher education", [CareersActivityType.HigherEducationVisit], false),
        ("Pathways Careers Service", PartnerKind.CareersAdviser, "Careers guidance", [CareersActivityType.PersonalGuidance], false),
    ];

    private static readonly string[] Subjects = ["Maths", "English", "Science", "Geography", "Art", "Computing", "History"];

    public async Task SeedAsync(Actor actor, string laCode, IReadOnlyList<Organisation> schools, int seed, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var now = clock.GetUtcNow().UtcDateTime;
        var random = new Random(seed + 7);
        var partners = Partners.Select(p => new CareersPartner
        {
            LaCode = laCode, Name = p.Name, Kind = p.Kind, Sectors = p.Sectors, ActivityTypes = string.Join(",", p.Offers), IsStem = p.Stem,
            ContactName = "Schools team", ContactEmail = $"schools@{p.Name.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal)[..Math.Min(12, p.Name.Length)]}.example", CreatedAt = now,
        }).ToList();
        db.CareersPartners.AddRange(partners);
        CareersPartner Partner(CareersActivityType type, int n)
        {
            var offering = partners.Where(p => p.Offers().Contains(type)).ToList();
            return offering[n % offering.Count];
        }

        var firstYear = AcademicAge.AcademicYearStart(today) - 1;
        for (var s = 0; s < schools.Count; s++)
        {
            var school = schools[s];

            // How thoroughly each school reaches its pupils: from patchy to nearly everyone.
            var reach = 0.72 + (0.26 * s / Math.Max(1, schools.Count - 1));
            var programme = new CareersProgramme
            {
                SchoolId = school.Id,
                CareersLeaderName = s == 0 ? "Priya Shah" : $"{DemoNames.GirlsNames[s % DemoNames.GirlsNames.Length]} {DemoNames.FamilyNames[(s * 7) % DemoNames.FamilyNames.Length]}",
                CareersLeaderEmail = $"careers@{school.Urn}.demo.waypoint.test",
                CareersLeaderPhone = $"01865 {700000 + s:000000}",
                Summary = $"{school.Name} runs a careers programme from Year 7 to Year 13 built on the eight Gatsby Benchmarks: an employer encounter every year, workplace experiences in Years 10 and 12, provider encounters in every phase and a personal guidance interview before each key decision.",
                HowToAccess = "Pupils see their activities in tutor time; parents and carers can contact the Careers Leader or come to the careers evening in March; employers and providers can offer encounters through the Careers Leader.",
                ImpactMeasurement = "We track every pupil's encounters and experiences in Waypoint, ask pupils for their reflections after each activity, self-assess against the benchmarks each term and follow destinations for three years after leaving.",
                ProviderAccessPolicy = "Providers of technical education and apprenticeships ask for access by emailing the Careers Leader.\nWe grant every request that fits the school calendar; we refuse only where safeguarding or exam timetables make a visit impossible, and say why.\nWe offer the main hall, classrooms and a display area during the school day.",
                NextReviewDate = new DateOnly(AcademicAge.AcademicYearStart(today) + 1, 7, 31),
                UpdatedAt = now,
            };
            foreach (var (title, type, year, term) in new (string, CareersActivityType, int, int)[]
            {
                ("Employer talks in tutor time", CareersActivityType.EmployerTalk, 9, 1), ("Careers fair", CareersActivityType.CareersFair, 10, 1),
                ("Workplace visits", CareersActivityType.WorkplaceVisit, 10, 2), ("Provider encounters", CareersActivityType.ProviderEncounter, 9, 2),
                ("Work experience week", CareersActivityType.WorkExperience, 10, 3), ("Personal guidance interviews", CareersActivityType.PersonalGuidance, 11, 1),
                ("University visit", CareersActivityType.HigherEducationVisit, 12, 2), ("Provider encounters", CareersActivityType.ProviderEncounter, 11, 1),
            })
            {
                programme.Planned.Add(new PlannedCareersActivity { Title = title, Type = type, YearGroup = year, Term = term, Benchmarks = type.DefaultBenchmarks(), LearningOutcomes = "Pupils can name routes and jobs linked to what they saw." });
            }

            db.CareersProgrammes.Add(programme);
            var pupils = await db.YoungPeople.AsNoTracking().Where(p => p.SchoolId == school.Id && (p.CohortStatus == CohortStatus.P || p.CohortStatus == CohortStatus.G))
                .Select(p => new { p.Id, p.DateOfBirth, Absent = p.Census != null && p.Census.AttendancePercent < 90m })
                .ToListAsync(cancellationToken);

            // Forms: four per year group, by name order as schools often do.
            var forms = new Dictionary<(int Year, int Form), PupilGroup>();
            foreach (var p in pupils)
            {
                var year = AcademicAge.YearGroup(p.DateOfBirth, today);
                if (year is < 7 or > 13)
                {
                    continue;
                }

                var key = (year, random.Next(4));
                if (!forms.TryGetValue(key, out var group))
                {
                    forms[key] = group = new PupilGroup { SchoolId = school.Id, Name = $"{year}{"ABCD"[key.Item2]}", Kind = PupilGroupKind.Form };
                    db.PupilGroups.Add(group);
                }

                group.Members.Add(new PupilGroupMember { YoungPersonId = p.Id });
            }

            var n = 0;
            void Run(CareersActivityType type, DateOnly date, Func<int, bool> forYear, double coverage, bool inSchoolHours = true, string? subject = null, decimal? hours = null)
            {
                if (date > today)
                {
                    return;
                }

                var partner = type is CareersActivityType.CareersLesson ? null : Partner(type, n + s);
                var activity = new CareersActivity
                {
                    SchoolId = school.Id, Type = type, Date = date, AcademicYear = AcademicAge.AcademicYearStart(date), BeforeMarch = CareersMeasures.IsBeforeMarch(date),
                    InSchoolHours = inSchoolHours, PartnerId = partner?.Id, Subject = subject, Benchmarks = type.DefaultBenchmarks(), Hours = hours,
                    Title = subject is null ? $"{type.DisplayName()}{(partner is null ? "" : $": {partner.Name}")}" : $"{subject}: careers in the subject",
                    Purpose = random.NextDouble() < 0.85 ? "Show pupils where their learning can lead" : null,
                    LearningOutcomes = random.NextDouble() < 0.8 ? "Pupils can name three jobs and the routes into them" : null,
                    TwoWayInteraction = random.NextDouble() < 0.8,
                    EmployerTask = type is >= CareersActivityType.WorkplaceVisit and <= CareersActivityType.WorkExperience && random.NextDouble() < 0.7 ? "A short design brief set by the host" : null,
                    EmployerFeedback = type is >= CareersActivityType.WorkplaceVisit and <= CareersActivityType.WorkExperience && random.NextDouble() < 0.6 ? "Engaged and asked good questions" : null,
                    RecordedAt = now,
                };
                n++;
                db.CareersActivities.Add(activity);
                foreach (var p in pupils)
                {
                    var year = CareersMeasures.YearGroupOn(p.DateOfBirth, date);
                    if (!forYear(year) || random.NextDouble() > (p.Absent ? coverage - 0.2 : coverage))
                    {
                        continue;
                    }

                    db.CareersParticipations.Add(new CareersParticipation
                    {
                        ActivityId = activity.Id, YoungPersonId = p.Id, SchoolId = school.Id, YearGroup = year, Type = type, Date = date,
                        AcademicYear = activity.AcademicYear, BeforeMarch = activity.BeforeMarch, InSchoolHours = inSchoolHours,
                        PartnerId = activity.PartnerId, Hours = hours,
                        Reflection = random.NextDouble() < 0.1 ? "I had not thought about this job before." : null,
                    });
                }
            }

            for (var y = firstYear; y <= firstYear + 1; y++)
            {
                Run(CareersActivityType.CareersFair, new DateOnly(y, 10, 8), year => year >= 9, reach);
                Run(CareersActivityType.EmployerTalk, new DateOnly(y, 11, 12), year => year is >= 7 and <= 11, reach - 0.05);
                Run(CareersActivityType.ProviderEncounter, new DateOnly(y, 11, 19), year => year is 9 or 11, reach);
                Run(CareersActivityType.ProviderEncounter, new DateOnly(y + 1, 2, 4), year => year is 9 or 11, reach - 0.1);
                Run(CareersActivityType.ProviderEncounter, new DateOnly(y + 1, 3, 10), year => year is 12 or 13, 0.6);
                Run(CareersActivityType.ProviderEncounter, new DateOnly(y + 1, 3, 12), year => year >= 10, 0.3, inSchoolHours: false);
                Run(CareersActivityType.ProviderEncounter, new DateOnly(y + 1, 5, 6), year => year is 12 or 8, 0.55);
                Run(CareersActivityType.WorkplaceVisit, new DateOnly(y + 1, 3, 3), year => year == 10, reach - 0.15);
                Run(CareersActivityType.WorkExperience, new DateOnly(y + 1, 7, 6), year => year is 10 or 12, reach - 0.1, hours: s % 2 == 0 ? 35m : 70m);
                Run(CareersActivityType.EnterpriseChallenge, new DateOnly(y + 1, 6, 17), year => year is 8 or 9, reach);
                Run(CareersActivityType.Mentoring, new DateOnly(y, 12, 2), year => year is 11 or 12, 0.25);
                Run(CareersActivityType.HigherEducationVisit, new DateOnly(y + 1, 6, 24), year => year == 12, reach - 0.1);
                Run(CareersActivityType.PersonalGuidance, new DateOnly(y, 11, 25), year => year is 11 or 13, reach - 0.05);
                Run(CareersActivityType.PersonalGuidance, new DateOnly(y + 1, 1, 20), year => year is 11 or 13, 0.5);
                foreach (var (subject, i) in Subjects.Select((subject, i) => (subject, i)).Where(x => (x.i + s) % 3 != 0))
                {
                    Run(CareersActivityType.CareersLesson, new DateOnly(y, 9, 15).AddDays(i * 9), year => year >= 7, 0.9, subject: subject);
                }
            }

            db.BenchmarkAnswers.Add(new BenchmarkAnswer { SchoolId = school.Id, AreaKey = "bm1-backing", Status = AreaStatus.Achieved, Evidence = "Governors approved the programme in October; the link governor meets the Careers Leader each term.", AnsweredAt = now });
            db.BenchmarkAnswers.Add(new BenchmarkAnswer { SchoolId = school.Id, AreaKey = "bm2-lmi", Status = s % 2 == 0 ? AreaStatus.Achieved : AreaStatus.InProgress, Evidence = "Labour market information is taught in Year 9 and sent to parents.", AnsweredAt = now });
            db.BenchmarkAnswers.Add(new BenchmarkAnswer { SchoolId = school.Id, AreaKey = "bm8-qualified", Status = AreaStatus.Achieved, Evidence = "Interviews are given by Pathways Careers Service advisers qualified at level 6.", AnsweredAt = now });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        // Two in three leavers agreed, in Year 11, to their school following where they went (as hubs advise asking).
        // Chosen from the ID rather than the random sequence, so the rest of the demo does not depend on it.
        var (earliestLeaver, _) = AcademicAge.DateOfBirthRange(11 + DestinationsService.YearsKept, today);
        var (_, latestLeaver) = AcademicAge.DateOfBirthRange(12, today);
        var leavers = await db.YoungPeople.Where(p => p.LeadLaCode == laCode && p.DateOfBirth >= earliestLeaver && p.DateOfBirth <= latestLeaver)
            .Select(p => p.Id).ToListAsync(cancellationToken);
        db.DestinationSharingConsents.AddRange(leavers.Where(id => id.ToByteArray()[15] % 3 != 0)
            .Select(id => new DestinationSharingConsent { YoungPersonId = id, GivenAt = now }));
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();

        // A year of history: the snapshots CEC would have taken.
        await assessment.TakeSnapshotsAsync(actor, laCode, today.AddYears(-1), today, cancellationToken);
    }
}
