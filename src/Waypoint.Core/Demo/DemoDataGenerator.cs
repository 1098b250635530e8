using Waypoint.Core.Identifiers;
using Waypoint.Core.Organisations;
using Waypoint.Core.YoungPeople;

namespace Waypoint.Core.Demo;

public sealed record DemoOptions(int People = 5000, int Seed = 2026, string LaCode = "931", string LaName = "Waypoint Demo County Council");

public sealed class DemoPopulation
{
    public required Organisation LocalAuthority { get; init; }
    public required Organisation CareersService { get; init; }
    public required IReadOnlyList<Organisation> Schools { get; init; }
    public required IReadOnlyList<Organisation> Colleges { get; init; }
    public required Organisation TrainingProvider { get; init; }
    public required IReadOnlyList<YoungPerson> People { get; init; }

    public IEnumerable<Organisation> Organisations =>
        new[] { LocalAuthority, CareersService }.Concat(Schools).Concat(Colleges).Append(TrainingProvider);
}

/// <summary>
/// Generates a plausible, deterministic local authority: schools, colleges, a training provider and young people in
/// Years 9 to 13 plus older young people with EHC plans. The same seed and date always give the same data.
///
/// Disadvantage is drawn from one hidden factor per person so that free school meals, SEN, low attendance,
/// suspensions, vulnerable-group characteristics and NEET outcomes co-occur as shared/reference/roni.md says they do
/// (FSM about 2x as common among SEN pupils, FSM pupils about 2x as often persistently absent and about 4x as often
/// suspended). Sampling them independently would badly understate how many pupils have several risk factors.
/// </summary>
public sealed class DemoDataGenerator
{
    private readonly Random random;
    private readonly DemoOptions options;
    private readonly DateOnly today;
    private int localIdCounter;
    private readonly Dictionary<string, int> upnSerials = [];
    private static readonly Nccis.CurrencyCalculator Currency = new(new Nccis.CurrencyOptions());

    public DemoDataGenerator(DemoOptions options, DateOnly today)
    {
        this.options = options;
        this.today = today;
        random = new Random(options.Seed);
    }

    public static DemoPopulation Generate(DemoOptions options, DateOnly today) => new DemoDataGenerator(options, today).Generate();

    public DemoPopulation Generate()
    {
        var la = Organisation(options.LaName, OrganisationKind.LocalAuthority, null, null, null, "OX1 1ND");
        var careers = Organisation("Pathways Careers Service", OrganisationKind.CareersGuidanceProvider, null, null, null, "OX4 2HN");
        var schools = new List<Organisation>
        {
            Organisation("Cherwell Valley Academy", OrganisationKind.SchoolOrCollege, "140001", "4001", null, "OX16 9QF", sixthForm: true),
            Organisation("Kingfisher School", OrganisationKind.SchoolOrCollege, "140002", "4002", null, "OX4 6JZ", sixthForm: true),
            Organisation("St Aldate's Catholic School", OrganisationKind.SchoolOrCollege, "140003", "4603", null, "OX1 4LB", sixthForm: true),
            Organisation("Ridgeway Community School", OrganisationKind.SchoolOrCollege, "140004", "4004", null, "OX12 8DD"),
            Organisation("Thames View Academy", OrganisationKind.SchoolOrCollege, "140005", "4005", null, "OX14 1RB"),
            Organisation("Marston Park School", OrganisationKind.SchoolOrCollege, "140006", "4006", null, "OX3 0NW", sixthForm: true),
        };
        var colleges = new List<Organisation>
        {
            Organisation("Isis Valley College of Further Education", OrganisationKind.SchoolOrCollege, "130701", "8001", "10004712", "OX1 1SA", sixthForm: true),
            Organisation("Headington Sixth Form College", OrganisationKind.SchoolOrCollege, "130702", "8002", "10004713", "OX3 7PJ", sixthForm: true),
        };
        var trainingProvider = Organisation("Cotswold Skills Training Ltd", OrganisationKind.LearningProvider, null, null, "10051234", "OX28 4BH");

        var people = new List<YoungPerson>(options.People + (options.People / 30));
        var mainCohort = options.People;
        for (var i = 0; i < mainCohort; i++)
        {
            var yearGroup = 9 + (i % 5);
            people.Add(Person(yearGroup, schools, colleges, trainingProvider));
        }

        // Young people aged 18-24 stay in the NCCIS cohort only while they hold an EHC plan.
        for (var i = 0; i < options.People / 30; i++)
        {
            people.Add(Person(14 + random.Next(0, 7), schools, colleges, trainingProvider, forceEhcPlan: true));
        }

        return new DemoPopulation
        {
            LocalAuthority = la,
            CareersService = careers,
            Schools = schools,
            Colleges = colleges,
            TrainingProvider = trainingProvider,
            People = people,
        };
    }

    private Organisation Organisation(string name, OrganisationKind kind, string? urn, string? estab, string? ukprn, string postcode, bool sixthForm = false) => new()
    {
        Id = NextGuid(),
        Name = name,
        Kind = kind,
        LaCode = options.LaCode,
        Urn = urn,
        EstablishmentNumber = estab,
        Ukprn = ukprn,
        Postcode = postcode,
        HasSixthForm = sixthForm,
        CreatedAt = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
    };

    private YoungPerson Person(int yearGroup, List<Organisation> schools, List<Organisation> colleges, Organisation trainingProvider, bool forceEhcPlan = false)
    {
        var disadvantage = random.Normal();
        var gender = random.NextDouble() switch
        {
            < 0.005 => Gender.U,
            < 0.505 => Gender.M,
            _ => Gender.F,
        };
        var (earliest, latest) = AcademicAge.DateOfBirthRange(yearGroup, today);
        var dateOfBirth = earliest.AddDays(random.Next(0, latest.DayNumber - earliest.DayNumber + 1));
        var givenName = gender == Gender.M || (gender == Gender.U && random.Next(2) == 0) ? Pick(DemoNames.BoysNames) : Pick(DemoNames.GirlsNames);
        var familyName = Pick(DemoNames.FamilyNames);
        var (district, town) = Pick(DemoNames.Districts);
        var homeSchool = schools[random.Next(schools.Count)];

        var boy = gender == Gender.M;
        var ehcPlan = forceEhcPlan || random.NextDouble() < DemoRandom.Logistic(-3.3 + (0.55 * disadvantage) + (boy ? 0.6 : -0.3));
        var senSupport = !ehcPlan && random.NextDouble() < DemoRandom.Logistic(-2.0 + (0.6 * disadvantage) + (boy ? 0.3 : -0.2));
        var fsm = random.NextDouble() < DemoRandom.Logistic(-1.35 + (1.1 * disadvantage) + (ehcPlan || senSupport ? 0.6 : 0));
        var attendance = Math.Clamp(96.5 - (2.0 * Math.Max(0, disadvantage)) - (fsm ? 0.5 : 0) - (ehcPlan ? 2 : 0) - Math.Abs(random.Normal() * 4.0), 35, 100);
        var suspensionRate = 0.04 * Math.Exp(1.1 * disadvantage) * (fsm ? 2.2 : 1);
        var suspensions = random.Poisson(suspensionRate);
        var permanentExclusion = random.NextDouble() < 0.0008 * Math.Exp(1.4 * disadvantage) * (fsm ? 2 : 1);

        var person = new YoungPerson
        {
            Id = NextGuid(),
            LocalId = (++localIdCounter).ToString("D10", System.Globalization.CultureInfo.InvariantCulture),
            GivenName = givenName,
            MiddleNames = random.NextDouble() < 0.4 ? Pick(gender == Gender.M ? DemoNames.BoysNames : DemoNames.GirlsNames) : null,
            FamilyName = familyName,
            PreferredGivenName = random.NextDouble() < 0.03 ? Pick(DemoNames.GirlsNames.Concat(DemoNames.BoysNames).ToArray()) : null,
            DateOfBirth = dateOfBirth,
            Gender = gender,
            EthnicityCode = random.PickWeighted(DemoNames.Ethnicities),
            AddressLine1 = $"{random.Next(1, 180)} {Pick(DemoNames.Streets)}",
            Town = town,
            County = "Oxfordshire",
            Postcode = $"{district} {random.Next(1, 10)}{InwardLetter()}{InwardLetter()}",
            Phone = random.NextDouble() < 0.8 ? $"07700 9{random.Next(0, 100000):D5}" : null,
            ContactPreference = random.NextDouble() < 0.6 ? "Text message" : "Phone call",
            LeadLaCode = options.LaCode,
            EducatedLaCode = options.LaCode,
            HasEhcPlan = ehcPlan,
            HasSenSupport = senSupport,
            CreatedAt = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
            UpdatedAt = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
        };
        person.Email = random.NextDouble() < 0.5 ? $"{Ascii(givenName)}.{Ascii(familyName)}{random.Next(1, 99)}@example.com".ToLowerInvariant() : null;
        person.SearchName = NameSearch.Key(person.GivenName, person.FamilyName);
        var allocationYear = dateOfBirth.Year + 5;
        person.Upn = NextUpn(homeSchool, allocationYear);
        if (AcademicAge.Of(dateOfBirth, today) >= 14)
        {
            person.Uln = NextUln();
        }

        if (yearGroup >= 11)
        {
            person.LaCodeAtYear11 = options.LaCode;
        }

        AddCharacteristics(person, disadvantage, yearGroup);
        var attendancePercent = Math.Round((decimal)attendance, 1);
        person.Census = new PupilCensusData
        {
            YoungPersonId = person.Id,
            FreeSchoolMeals = fsm,
            EnglishAdditionalLanguage = person.EthnicityCode is not ("WBRI" or "WIRI" or "BBRI" or "MWBC") && random.NextDouble() < 0.55,
            ChildInNeed = random.NextDouble() < DemoRandom.Logistic(-4.2 + (1.1 * disadvantage)),
            YoungCarer = person.Characteristics.Any(c => c.Code == "140"),
            AttendancePercent = attendancePercent,
            Suspensions = suspensions,
            PermanentExclusions = permanentExclusion ? 1 : 0,
            SchoolMoves = random.Poisson(0.15 * Math.Exp(0.6 * disadvantage)),
            Ks2ScaledScore = (int)Math.Clamp(Math.Round(104 - (3.5 * disadvantage) - (ehcPlan ? 8 : senSupport ? 4 : 0) + (random.Normal() * 4)), 80, 120),
            AsOf = today.AddDays(-random.Next(10, 60)),
        };

        person.PostcodeDistrict = Identifiers.Postcode.District(person.Postcode!);
        if (yearGroup <= 11)
        {
            person.SchoolId = homeSchool.Id;
            person.LevelOfNeed = disadvantage > 1.6 || permanentExclusion ? 2 : 3;
            if (yearGroup == 11)
            {
                AddActivity(person, "110", new DateOnly(AcademicAge.AcademicYearStart(today), 9, 4), homeSchool);
            }
        }
        else
        {
            AddYear11Record(person, homeSchool, yearGroup);
            AssignPost16Activity(person, disadvantage, homeSchool, schools, colleges, trainingProvider, yearGroup);
        }

        Tracking.CurrentActivity.Apply(person, Currency);
        AddGuarantee(person, yearGroup, colleges);
        if (yearGroup == 11 && random.NextDouble() < 0.7)
        {
            person.IntendedDestinationCode = Pick(["111", "121", "121", "121", "211", "311", "511"]);
            person.IntendedDestinationRecordedOn = today.AddDays(-random.Next(1, 60));
        }

        return person;
    }

    private void AddCharacteristics(YoungPerson person, double disadvantage, int yearGroup)
    {
        var age = yearGroup + 4;
        void Maybe(string code, double probability)
        {
            if (random.NextDouble() < probability)
            {
                person.Characteristics.Add(new Characteristic
                {
                    Id = NextGuid(),
                    YoungPersonId = person.Id,
                    Code = code,
                    StartDate = today.AddDays(-random.Next(60, 1500)),
                });
            }
        }

        Maybe("110", DemoRandom.Logistic(-5.6 + (1.2 * disadvantage)));
        Maybe("140", DemoRandom.Logistic(-4.3 + (0.7 * disadvantage)));
        Maybe("170", age >= 14 ? DemoRandom.Logistic(-6.3 + (1.4 * disadvantage) + (person.Gender == Gender.M ? 0.8 : -0.8)) : 0);
        Maybe("210", DemoRandom.Logistic(-3.6 + (0.5 * disadvantage)));
        Maybe("200", age <= 16 ? DemoRandom.Logistic(-5.5 + (1.3 * disadvantage)) : 0);
        Maybe("150", age >= 15 ? DemoRandom.Logistic(-6 + disadvantage) : 0);
        if (person.Gender == Gender.F && age >= 16)
        {
            Maybe("180", DemoRandom.Logistic(-5.6 + (0.9 * disadvantage)));
            Maybe("120", DemoRandom.Logistic(-5.2 + (0.9 * disadvantage)));
        }

        if (person.Characteristics.Any(c => c.Code == "110") && age >= 16 && random.NextDouble() < 0.5)
        {
            person.Characteristics.Add(new Characteristic { Id = NextGuid(), YoungPersonId = person.Id, Code = "160", StartDate = today.AddDays(-random.Next(30, 600)) });
        }
    }

    private void AssignPost16Activity(YoungPerson person, double disadvantage, Organisation homeSchool, List<Organisation> schools, List<Organisation> colleges, Organisation trainingProvider, int yearGroup)
    {
        var yearStart = new DateOnly(AcademicAge.AcademicYearStart(today), 9, 5);
        var has = (string code) => person.Characteristics.Any(c => c.Code == code);
        var neetOdds = DemoRandom.Logistic(-4.5 + (1.25 * disadvantage) + (person.Census!.FreeSchoolMeals ? 0.5 : 0) + (yearGroup >= 13 ? 0.45 : 0) + (person.HasEhcPlan ? 0.4 : 0));
        var notKnownOdds = DemoRandom.Logistic(-4.7 + (0.8 * disadvantage) + (yearGroup >= 13 ? 0.5 : 0));
        var roll = random.NextDouble();
        person.LevelOfNeed = disadvantage > 1.3 ? 2 : 3;

        if (yearGroup >= 14)
        {
            var code = roll switch
            {
                < 0.35 => "230",
                < 0.50 => "280",
                < 0.62 => "460",
                < 0.72 => "330",
                < 0.82 => "619",
                < 0.90 => "640",
                _ => "810",
            };
            var provider = code is "230" or "280" or "460" ? colleges[0] : null;
            person.SchoolId = provider?.Id;
            person.LevelOfNeed = code is "619" or "640" or "810" ? 1 : 2;
            AddActivity(person, code, yearStart.AddDays(-random.Next(0, 400)), provider, neet: code is "619" or "640");
            return;
        }

        if (roll < neetOdds)
        {
            var code = has("140") ? "620" : has("120") ? "630" : has("180") ? "650" : random.PickWeighted([("619", 55), ("610", 15), ("640", 15), ("680", 5), ("616", 6), ("540", 4)]);
            var start = today.AddDays(-random.Next(5, 240));
            person.LevelOfNeed = random.NextDouble() < 0.5 ? 1 : 2;
            AddActivity(person, code, start, null, neet: true);
            return;
        }

        if (roll < neetOdds + notKnownOdds)
        {
            AddActivity(person, random.PickWeighted([("810", 80), ("820", 12), ("830", 8)]), today.AddDays(-random.Next(20, 300)), null);
            return;
        }

        var choice = random.NextDouble() + (disadvantage * 0.08);
        (string Code, Organisation? Provider) placement = choice switch
        {
            < 0.36 when homeSchool.HasSixthForm => ("210", homeSchool),
            < 0.36 => ("210", schools.First(s => s.HasSixthForm)),
            < 0.52 => ("220", colleges[1]),
            < 0.84 => ("230", colleges[0]),
            < 0.91 => ("310", trainingProvider),
            < 0.93 => ("410", trainingProvider),
            < 0.95 => ("320", null),
            < 0.97 => ("330", null),
            < 0.98 => ("530", null),
            < 0.99 => ("260", null),
            _ => ("360", null),
        };
        if (person.Characteristics.Any(c => c.Code == "170") && random.NextDouble() < 0.04)
        {
            placement = ("710", null);
        }

        person.SchoolId = placement.Provider?.Id;
        AddActivity(person, placement.Code, yearStart.AddDays(-random.Next(0, yearGroup == 13 ? 380 : 15)), placement.Provider);
    }

    /// <summary>Offers for next September are gathered through the year: by late autumn about a third are recorded.</summary>
    private void AddGuarantee(YoungPerson person, int yearGroup, List<Organisation> colleges)
    {
        if (yearGroup is not (11 or 12) || random.NextDouble() > 0.35)
        {
            return;
        }

        var code = yearGroup == 11
            ? random.PickWeighted([("110", 70), ("140", 15), ("120", 5), ("151", 5), ("159", 5)])
            : random.PickWeighted([("114", 60), ("110", 15), ("115", 10), ("120", 5), ("154", 5), ("159", 5)]);
        var offered = Nccis.SeptemberGuaranteeCodes.Find(code)?.Category == Nccis.GuaranteeCategory.OfferMade;
        person.SeptemberGuarantee.Add(new SeptemberGuaranteeOffer
        {
            Id = NextGuid(),
            YoungPersonId = person.Id,
            AcademicYear = AcademicAge.AcademicYearStart(today),
            YearGroup = yearGroup,
            StatusCode = code,
            LaCode = options.LaCode,
            ProviderName = offered ? colleges[random.Next(colleges.Count)].Name : null,
            RecordedOn = today.AddDays(-random.Next(1, 50)),
        });
    }

    private void AddActivity(YoungPerson person, string code, DateOnly start, Organisation? establishment, bool neet = false)
    {
        var ascertained = start.AddDays(random.Next(0, 20));
        if (ascertained > today)
        {
            ascertained = today;
        }

        // Providers confirm enrolments each autumn, so most activities carried over from last year were verified this term;
        // the rest are the ones whose currency has lapsed and that trackers chase.
        var termStart = new DateOnly(AcademicAge.AcademicYearStart(today), 9, 1);
        DateOnly? verified = random.NextDouble() < 0.8 ? ascertained.AddDays(random.Next(0, Math.Max(1, today.DayNumber - ascertained.DayNumber))) : null;
        if (ascertained < termStart && random.NextDouble() < 0.95)
        {
            verified = termStart.AddDays(random.Next(5, Math.Max(6, today.DayNumber - termStart.DayNumber)));
        }
        person.Activities.Add(new Activity
        {
            Id = NextGuid(),
            YoungPersonId = person.Id,
            Code = code,
            StartDate = start,
            DateAscertained = ascertained,
            DateVerified = verified,
            NeetStartDate = neet ? start : null,
            ReviewDate = code is "260" or "290" or "350" or "616" or "710" ? today.AddDays(random.Next(7, 90)) : null,
            PredictedEndDate = code is "210" or "220" or "230" or "250" or "260" or "270" or "280" or "410" or "450" or "460" or "110"
                ? new DateOnly(AcademicAge.AcademicYearStart(today) + 1, 7, 31)
                : null,
            EstablishmentNumber = establishment?.LaEstab,
            EstablishmentName = establishment?.Name,
            Ukprn = establishment?.Ukprn,
            Source = establishment is null ? "Adviser contact" : "Provider return",
            RecordedAt = ascertained.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
        });
    }

    /// <summary>
    /// The Year 11 activity (110, registered at school) tracking held for someone who has since left school, which is how a
    /// school's leavers are found for its destinations. Built without drawing from the random sequence, so the rest of
    /// the demo is the same as without it.
    /// </summary>
    private void AddYear11Record(YoungPerson person, Organisation homeSchool, int yearGroup)
    {
        var year11Start = new DateOnly(AcademicAge.AcademicYearStart(today) - (yearGroup - 11), 9, 4);
        var idBytes = person.Id.ToByteArray();
        idBytes[0] ^= 0x5A;
        person.Activities.Add(new Activity
        {
            Id = new Guid(idBytes),
            YoungPersonId = person.Id,
            Code = "110",
            StartDate = year11Start,
            DateAscertained = year11Start,
            DateVerified = year11Start.AddDays(30),
            PredictedEndDate = new DateOnly(year11Start.Year + 1, 7, 31),
            EstablishmentNumber = homeSchool.LaEstab,
            EstablishmentName = homeSchool.Name,
            Ukprn = homeSchool.Ukprn,
            Source = "School roll",
            RecordedAt = year11Start.ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
        });
    }

    private string NextUpn(Organisation school, int allocationYear)
    {
        var key = school.EstablishmentNumber + allocationYear;
        var serial = upnSerials.GetValueOrDefault(key) + 1;
        upnSerials[key] = serial;

        // A UPN's serial has three digits, so one school allocates at most 999 a year, and past about 30,000 people
        // the six demo schools run out. Most pupils got their UPN at a primary school, which the demo does not model,
        // so the overflow goes to unmodelled schools' establishment numbers (+100, +200, ...): still valid and unique,
        // and smaller populations keep exactly the UPNs they had.
        var overflow = (serial - 1) / 999;
        var establishment = overflow == 0
            ? school.EstablishmentNumber!
            : (int.Parse(school.EstablishmentNumber!, System.Globalization.CultureInfo.InvariantCulture) + (100 * overflow)).ToString("D4", System.Globalization.CultureInfo.InvariantCulture);
        return Upn.Create(options.LaCode, establishment, allocationYear, ((serial - 1) % 999) + 1);
    }

    private string NextUln()
    {
        while (true)
        {
            var stem = random.Next(1, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + random.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
            if (Uln.Complete(stem) is { } uln)
            {
                return uln;
            }
        }
    }

    private Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private char InwardLetter() => "ABDEFGHJLNPQRSTUWXYZ"[random.Next(20)];

    private T Pick<T>(T[] items) => items[random.Next(items.Length)];

    private static string Ascii(string name) => NameSearch.Fold(name).Replace(" ", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
}
