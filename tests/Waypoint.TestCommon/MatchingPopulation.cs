using System.Text;
using Waypoint.Core.Demo;
using Waypoint.Core.Matching;
using Waypoint.Core.YoungPeople;

namespace Waypoint.TestCommon;

/// <summary>A register entry: who the person really is, and what the register holds.</summary>
public sealed record RegisterPerson(Guid Id, MatchSubject Subject);

/// <summary>An incoming row (a roll line, an enrolment) and the register person it really is, or null for someone new.</summary>
public sealed record IncomingRow(MatchSubject Subject, Guid? TruePersonId, string Corruptions);

/// <summary>
/// A seeded population for measuring record matching, built to be harder than real data in the ways that matter.
/// <para>The register: households share a family name, a postcode and usually a school; 6% of people have a twin
/// (same family name, date of birth, postcode and school, different given name); names come from the short demo lists,
/// so the same name on two different people is common. 90% have a UPN, 40% a ULN.</para>
/// <para>Incoming rows: <c>matchShare</c> are register people as another system typed them, the rest are people the
/// register does not hold, a third of those "near misses" (a register person's sibling or twin, or the same name with
/// another date of birth). Each true row gets, independently: given-name typo (8%), nickname (6%), family-name typo
/// (5%), one part of a double-barrelled name (2%), names swapped (1%), day and month swapped (2%), one part of the
/// date of birth mistyped (3%), a move within the district (10%) or further (10%), postcode missing (5%), another
/// school (20%), gender not given (3%), and carries its UPN only half the time and its ULN a quarter of the time.</para>
/// </summary>
public static class MatchingPopulation
{
    public static (List<RegisterPerson> Register, List<IncomingRow> Incoming) Generate(int seed, int registerSize, int incomingSize, double matchShare = 0.6)
    {
        var random = new Random(seed);
        var schools = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid()).ToArray();
        var register = new List<RegisterPerson>(registerSize);
        var upnSerial = 0;
        while (register.Count < registerSize)
        {
            // One household: a family name, a postcode, one to three children, sometimes twins.
            var family = Pick(random, DemoNames.FamilyNames);
            var postcode = Postcode(random);
            var school = schools[random.Next(schools.Length)];
            var children = 1 + random.Next(3);
            for (var c = 0; c < children && register.Count < registerSize; c++)
            {
                var child = Child(random, family, postcode, school, ref upnSerial);
                register.Add(new RegisterPerson(Guid.NewGuid(), child));
                if (random.NextDouble() < 0.06 && register.Count < registerSize)
                {
                    register.Add(new RegisterPerson(Guid.NewGuid(), Twin(random, child, ref upnSerial)));
                }
            }
        }

        var incoming = new List<IncomingRow>(incomingSize);
        while (incoming.Count < incomingSize)
        {
            if (random.NextDouble() < matchShare)
            {
                var person = register[random.Next(register.Count)];
                var (subject, corruptions) = Corrupt(random, person.Subject, schools);
                incoming.Add(new IncomingRow(subject, person.Id, corruptions));
                continue;
            }

            var near = random.NextDouble() < 1.0 / 3 ? register[random.Next(register.Count)].Subject : null;
            MatchSubject stranger;
            string kind;
            if (near is null)
            {
                stranger = Child(random, Pick(random, DemoNames.FamilyNames), Postcode(random), schools[random.Next(schools.Length)], ref upnSerial);
                kind = "new";
            }
            else
            {
                switch (random.Next(3))
                {
                    case 0:
                        stranger = Twin(random, near, ref upnSerial);
                        kind = "new: unregistered twin";
                        break;
                    case 1:
                        stranger = Child(random, near.FamilyName, near.Postcode!, near.SchoolId!.Value, ref upnSerial);
                        kind = "new: unregistered sibling";
                        break;
                    default:
                        stranger = Child(random, near.FamilyName, Postcode(random), schools[random.Next(schools.Length)], ref upnSerial) with { GivenName = near.GivenName, Gender = near.Gender };
                        kind = "new: same name, other date of birth";
                        break;
                }
            }

            // Strangers carry identifiers as often as anyone, and they are their own.
            incoming.Add(new IncomingRow(stranger with { Upn = random.NextDouble() < 0.5 ? stranger.Upn : null, Uln = null }, null, kind));
        }

        return (register, incoming);
    }

    private static MatchSubject Child(Random random, string family, string postcode, Guid school, ref int upnSerial)
    {
        var gender = random.Next(2) == 0 ? Gender.F : Gender.M;
        var given = Pick(random, gender == Gender.F ? DemoNames.GirlsNames : DemoNames.BoysNames);
        var dob = new DateOnly(2007, 9, 1).AddDays(random.Next(4 * 365));
        return new MatchSubject(given, family, dob, gender, postcode, school,
            random.NextDouble() < 0.9 ? $"A{++upnSerial:D12}" : null,
            random.NextDouble() < 0.4 ? (5_000_000_000L + random.Next(1_000_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null);
    }

    private static MatchSubject Twin(Random random, MatchSubject sibling, ref int upnSerial)
    {
        var gender = random.Next(2) == 0 ? Gender.F : Gender.M;
        string given;
        do
        {
            given = Pick(random, gender == Gender.F ? DemoNames.GirlsNames : DemoNames.BoysNames);
        }
        while (NameComparison.Compare(given, sibling.GivenName) != NameAgreement.Disagree);

        return sibling with
        {
            GivenName = given,
            Gender = gender,
            Upn = random.NextDouble() < 0.9 ? $"A{++upnSerial:D12}" : null,
            Uln = random.NextDouble() < 0.4 ? (5_000_000_000L + random.Next(1_000_000_000)).ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
        };
    }

    private static (MatchSubject, string) Corrupt(Random random, MatchSubject s, Guid[] schools)
    {
        var notes = new List<string>();
        bool Chance(double p, string note)
        {
            if (random.NextDouble() < p)
            {
                notes.Add(note);
                return true;
            }

            return false;
        }

        var given = s.GivenName;
        var family = s.FamilyName;
        var dob = s.DateOfBirth!.Value;
        var postcode = s.Postcode;
        var school = s.SchoolId;
        var gender = s.Gender;
        if (Chance(0.06, "nickname") && Nickname(given) is { } nick)
        {
            given = nick;
        }
        else if (Chance(0.08, "given typo"))
        {
            given = Typo(random, given);
        }

        if (Chance(0.02, "double-barrelled"))
        {
            family = $"{family}-{Pick(random, DemoNames.FamilyNames)}";
        }
        else if (Chance(0.05, "family typo"))
        {
            family = Typo(random, family);
        }

        if (Chance(0.01, "names swapped"))
        {
            (given, family) = (family, given);
        }

        if (dob.Day <= 12 && dob.Day != dob.Month && Chance(0.02, "day/month swapped"))
        {
            dob = new DateOnly(dob.Year, dob.Day, dob.Month);
        }
        else if (Chance(0.03, "date typo"))
        {
            dob = random.Next(3) switch
            {
                0 => dob.AddYears(random.Next(2) == 0 ? 1 : -1),
                1 => new DateOnly(dob.Year, dob.Month % 12 + 1, Math.Min(dob.Day, 28)),
                _ => new DateOnly(dob.Year, dob.Month, dob.Day % 28 + 1),
            };
        }

        if (Chance(0.10, "moved nearby"))
        {
            postcode = $"{postcode!.Split(' ')[0]} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";
        }
        else if (Chance(0.10, "moved away"))
        {
            postcode = Postcode(random);
        }
        else if (Chance(0.05, "no postcode"))
        {
            postcode = null;
        }

        if (Chance(0.20, "other school"))
        {
            school = schools[random.Next(schools.Length)];
        }

        if (Chance(0.03, "gender not given"))
        {
            gender = Gender.U;
        }

        var subject = new MatchSubject(given, family, dob, gender, postcode, school,
            random.NextDouble() < 0.5 ? s.Upn : null,
            random.NextDouble() < 0.25 ? s.Uln : null);
        return (subject, notes.Count == 0 ? "clean" : string.Join(", ", notes));
    }

    private static string? Nickname(string given) => given switch
    {
        "Alexander" => "Alex",
        "Samuel" => "Sam",
        "Thomas" => "Tom",
        "Daniel" => "Dan",
        "James" => "Jamie",
        "William" => "Will",
        "Edward" => "Ed",
        "Joshua" => "Josh",
        "Jacob" => "Jake",
        "Frederick" or "Freddie" => "Fred",
        "Isabella" => "Izzy",
        "Charlotte" => "Lottie",
        "Jessica" => "Jess",
        "Eleanor" => "Ellie",
        "Sophia" => "Sophie",
        "Muhammad" => "Mohammed",
        "Theodore" => "Theo",
        "Katie" => "Kate",
        _ => null,
    };

    /// <summary>One keying slip: a letter dropped, doubled, replaced, or two neighbours swapped.</summary>
    private static string Typo(Random random, string name)
    {
        if (name.Length < 3)
        {
            return name + name[^1];
        }

        var text = new StringBuilder(name);
        var i = 1 + random.Next(name.Length - 2);
        switch (random.Next(4))
        {
            case 0:
                text.Remove(i, 1);
                break;
            case 1:
                text.Insert(i, text[i]);
                break;
            case 2:
                text[i] = (char)('a' + random.Next(26));
                break;
            default:
                (text[i], text[i + 1]) = (text[i + 1], text[i]);
                break;
        }

        return text.ToString();
    }

    private static string Postcode(Random random) =>
        $"OX{random.Next(1, 30)} {random.Next(1, 10)}{(char)('A' + random.Next(26))}{(char)('A' + random.Next(26))}";

    private static string Pick(Random random, string[] list) => list[random.Next(list.Length)];
}
