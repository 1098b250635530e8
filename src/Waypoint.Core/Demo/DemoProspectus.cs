using Waypoint.Core.Organisations;
using Waypoint.Core.Prospectus;

namespace Waypoint.Core.Demo;

/// <summary>The demo area's local offer: employers taking apprentices, and the courses every demo provider publishes.</summary>
public sealed class DemoProspectus
{
    public required IReadOnlyList<Organisation> Employers { get; init; }
    public required IReadOnlyList<Course> Courses { get; init; }

    private static readonly string[] ALevels =
    [
        "Mathematics", "Further Mathematics", "English Literature", "English Language", "History", "Geography", "Biology", "Chemistry",
        "Physics", "Psychology", "Sociology", "Art and Design", "Computer Science", "Economics", "French", "Spanish", "Music",
        "Religious Studies", "Politics", "Drama and Theatre", "Physical Education", "Business", "Media Studies",
    ];

    private static readonly (string Title, string Subject, int Level, string About)[] CollegeCourses =
    [
        ("T Level in Engineering, Manufacturing, Processing and Control", "Engineering and manufacturing", 3, "Engineering principles, materials, CAD and a 45-day industry placement with a local engineering firm."),
        ("T Level in Design and Development for Engineering and Manufacturing", "Engineering and manufacturing", 3, "Design engineering from concept to prototype, with an industry placement."),
        ("T Level in Digital Production, Design and Development", "Digital", 3, "Software development, data and digital design, with an industry placement."),
        ("T Level in Health", "Health and science", 3, "Care, anatomy and clinical skills for nursing and healthcare careers, with a placement in the NHS."),
        ("T Level in Education and Early Years", "Education and childcare", 3, "Child development and teaching practice, with a nursery or school placement."),
        ("T Level in Building Services Engineering for Construction", "Construction", 3, "Electrical, plumbing and heating systems in buildings, with an industry placement."),
        ("T Level in Management and Administration", "Business and administration", 3, "How organisations are run, projects, finance and people, with an office placement."),
        ("BTEC Extended Diploma in Engineering", "Engineering and manufacturing", 3, "Mechanical and electrical engineering, workshop skills and maths for engineers."),
        ("BTEC Diploma in Electrical and Electronic Engineering", "Engineering and manufacturing", 2, "Circuits, electronics and practical electrical engineering."),
        ("Introduction to Engineering", "Engineering and manufacturing", 1, "A first step into engineering: hand tools, fitting, welding and safety."),
        ("BTEC Extended Diploma in Sport and Exercise Science", "Sport", 3, "Physiology, coaching, fitness testing and sports psychology."),
        ("BTEC Diploma in Sport", "Sport", 2, "Coaching, fitness and leadership in sport."),
        ("BTEC Extended Diploma in Health and Social Care", "Health and social care", 3, "Care values, human development and work experience in care settings."),
        ("Certificate in Health and Social Care", "Health and social care", 2, "Caring for others, communication and safeguarding."),
        ("BTEC Extended Diploma in Information Technology", "Digital", 3, "Programming, networking, cyber security and IT systems."),
        ("Diploma in IT User Skills", "Digital", 1, "Everyday digital skills for work and study."),
        ("BTEC Extended Diploma in Creative Digital Media Production", "Creative and media", 3, "Film, animation, games and digital publishing."),
        ("Art and Design Foundation", "Creative and media", 3, "Drawing, textiles, graphics and photography: build a portfolio for university."),
        ("BTEC Diploma in Uniformed Protective Services", "Public services", 2, "Fitness, teamwork and the work of the police, fire and armed services."),
        ("Extended Diploma in Public Services", "Public services", 3, "Leadership, law and citizenship for careers in the public services."),
        ("Diploma in Hairdressing", "Hair and beauty", 2, "Cutting, colouring and styling in our commercial salon."),
        ("Diploma in Beauty Therapy", "Hair and beauty", 2, "Facials, make-up, manicure and salon skills."),
        ("Diploma in Light Vehicle Maintenance and Repair", "Motor vehicle", 2, "Servicing, diagnostics and repair of cars in a real workshop."),
        ("Introduction to Motor Vehicle", "Motor vehicle", 1, "Basic car maintenance, tools and workshop safety."),
        ("Diploma in Professional Cookery", "Hospitality and catering", 2, "Kitchen skills in our training restaurant."),
        ("Diploma in Site Carpentry", "Construction", 2, "First and second fix carpentry, joinery and site safety."),
        ("Diploma in Bricklaying", "Construction", 1, "Brick and block work, setting out and building walls."),
        ("Diploma in Plumbing Studies", "Construction", 2, "Hot and cold water systems, heating and sanitation."),
        ("Extended Diploma in Animal Management", "Animal care", 3, "Animal health, behaviour and husbandry at our animal centre."),
        ("Diploma in Land-based Studies", "Animal care", 1, "Working with animals, plants and the countryside."),
        ("Access to Business", "Business and administration", 2, "Customer service, finance and office skills."),
        ("Entry Level Skills for Life", "Foundation learning", 0, "English, maths and independence skills in small groups."),
        ("Foundation Learning: Pathways to Work", "Foundation learning", 1, "English, maths, work experience and vocational tasters."),
        ("GCSE English and Maths Resit Programme", "Foundation learning", 2, "Full-time study to improve your GCSE English and maths grades, with a vocational option."),
    ];

    private static readonly (string Title, string Subject, int Level, string About)[] Apprenticeships =
    [
        ("Engineering Technician Apprenticeship", "Engineering and manufacturing", 3, "Work as a maintenance or production engineering technician while studying one day a week."),
        ("Engineering Operative Apprenticeship", "Engineering and manufacturing", 2, "Machining, assembly and quality checks on the production line."),
        ("Installation Electrician Apprenticeship", "Construction", 3, "Install and test electrical systems in homes and businesses."),
        ("Plumbing and Domestic Heating Technician Apprenticeship", "Construction", 3, "Install and maintain heating and hot water systems."),
        ("Carpentry and Joinery Apprenticeship", "Construction", 2, "Site carpentry and bench joinery with a local builder."),
        ("Business Administrator Apprenticeship", "Business and administration", 3, "Office, finance and project support in a busy team."),
        ("Customer Service Practitioner Apprenticeship", "Business and administration", 2, "Help customers in person, on the phone and online."),
        ("Digital Support Technician Apprenticeship", "Digital", 3, "Support colleagues with IT, devices and accounts."),
        ("Software Developer Apprenticeship", "Digital", 4, "Build and test software in a professional development team."),
        ("Healthcare Support Worker Apprenticeship", "Health and social care", 2, "Care for patients on hospital wards and in the community."),
        ("Early Years Practitioner Apprenticeship", "Education and childcare", 2, "Care for and educate young children in a nursery."),
        ("Hair Professional Apprenticeship", "Hair and beauty", 2, "Train in a salon to become a qualified hairdresser."),
        ("Motor Vehicle Service and Maintenance Technician Apprenticeship", "Motor vehicle", 3, "Service and repair vehicles at a main dealer."),
        ("Commis Chef Apprenticeship", "Hospitality and catering", 2, "Learn professional cookery in a hotel kitchen."),
        ("Accounts or Finance Assistant Apprenticeship", "Business and administration", 2, "Bookkeeping, payroll and finance administration."),
    ];

    public static DemoProspectus Generate(DemoPopulation population, DateOnly today, int seed)
    {
        var random = new Random(seed + 9);
        var createdAt = today.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Guid NextGuid()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        Organisation Employer(string name, string postcode) => new()
        {
            Id = NextGuid(), Name = name, Kind = OrganisationKind.LearningProvider, LaCode = population.LocalAuthority.LaCode,
            Postcode = postcode, CreatedAt = createdAt,
        };

        var employers = new List<Organisation>
        {
            Employer("Oxford Precision Engineering Ltd", "OX4 6LB"),
            Employer("Thames Valley Hospitals NHS Trust", "OX3 9DU"),
            Employer("Banbury Motor Group", "OX16 4SH"),
            Employer("Witney Construction Partnership", "OX28 6GF"),
        };

        var academicStart = new DateOnly(today.Month >= 9 ? today.Year + 1 : today.Year, 9, 7);
        var deadline = new DateOnly(academicStart.Year, 3, 31);
        var courses = new List<Course>();
        void Add(Organisation provider, string title, QualificationType type, int level, string subject, string about, string venue, string postcode, StudyMode mode, int months, int places, string requirements)
        {
            courses.Add(new Course
            {
                Id = NextGuid(),
                ProviderId = provider.Id,
                Title = title,
                QualificationType = type,
                Level = level,
                SubjectArea = subject,
                EntryRequirements = requirements,
                StartDate = type == QualificationType.Apprenticeship ? academicStart.AddDays(7 * random.Next(0, 6)) : academicStart,
                DurationMonths = months,
                StudyMode = mode,
                Venue = venue,
                VenuePostcode = postcode,
                Capacity = places,
                ApplicationDeadline = type == QualificationType.Apprenticeship ? academicStart.AddDays(-21) : deadline,
                Description = about,
                CreatedAt = createdAt,
                UpdatedAt = createdAt,
            });
        }

        static string Requirements(int level) => level switch
        {
            0 => "No formal qualifications needed: we talk with you and your family first.",
            1 => "No formal qualifications needed.",
            2 => "Four GCSEs at grade 2 or above, including English or maths.",
            3 => "Five GCSEs at grade 4 or above, including English and maths.",
            _ => "A levels or a level 3 qualification, or relevant experience.",
        };

        foreach (var school in population.Schools.Where(s => s.HasSixthForm))
        {
            var subjects = ALevels.Where((_, i) => (i + random.Next(0, 3)) % 8 != 0).ToList();
            foreach (var subject in subjects)
            {
                Add(school, $"A level {subject}", QualificationType.ALevel, 3, subject, $"Two-year A level course in {subject} in our sixth form, taught in small groups.",
                    school.Name + " sixth form", school.Postcode!, StudyMode.FullTime, 24, 20 + (random.Next(0, 5) * 5),
                    $"Five GCSEs at grade 4 or above, with grade 6 in {subject} or a related subject where taken.");
            }

            Add(school, "BTEC Extended Certificate in Applied Science", QualificationType.Technical, 3, "Science", "Practical science alongside your A levels.",
                school.Name + " sixth form", school.Postcode!, StudyMode.FullTime, 24, 20, Requirements(3));
            Add(school, "BTEC National Extended Certificate in Business", QualificationType.Technical, 3, "Business and administration", "Marketing, finance and enterprise projects with local businesses.",
                school.Name + " sixth form", school.Postcode!, StudyMode.FullTime, 24, 20, Requirements(3));
        }

        var campuses = new[] { ("Main campus", 0), ("Banbury campus", 1), ("Witney centre", 2) };
        foreach (var (college, collegeIndex) in population.Colleges.Select((c, i) => (c, i)))
        {
            foreach (var (title, subject, level, about) in CollegeCourses)
            {
                var type = title.StartsWith("T Level", StringComparison.Ordinal) ? QualificationType.TLevel
                    : level <= 1 && subject == "Foundation learning" ? QualificationType.FoundationEntry
                    : QualificationType.Technical;
                Add(college, title, type, level, subject, about, $"{college.Name}, {campuses[0].Item1}", college.Postcode!, StudyMode.FullTime, level == 3 ? 24 : 12, 16 + (random.Next(0, 4) * 4), Requirements(level));
                if ((collegeIndex + title.Length) % 2 == 0)
                {
                    var (campus, _) = campuses[1 + ((collegeIndex + level) % 2)];
                    var postcode = campus.StartsWith("Banbury", StringComparison.Ordinal) ? "OX16 2BN" : "OX28 6AE";
                    Add(college, title, type, level, subject, about, $"{college.Name}, {campus}", postcode, StudyMode.FullTime, level == 3 ? 24 : 12, 12, Requirements(level));
                }
            }

            if (collegeIndex == 1)
            {
                foreach (var subject in ALevels)
                {
                    Add(college, $"A level {subject}", QualificationType.ALevel, 3, subject, $"A level {subject} at a specialist sixth form college.",
                        college.Name, college.Postcode!, StudyMode.FullTime, 24, 30, $"Five GCSEs at grade 4 or above, with grade 6 in {subject} where taken.");
                }
            }
            else
            {
                Add(college, "Supported Internship: Hospitality", QualificationType.SupportedInternship, 0, "Supported internships",
                    "A year in a hotel with a job coach, for young people with an EHC plan.", $"{college.Name}, {campuses[0].Item1}", college.Postcode!, StudyMode.WorkBased, 12, 8,
                    "An education, health and care plan.");
                Add(college, "Supported Internship: Healthcare", QualificationType.SupportedInternship, 0, "Supported internships",
                    "A year at the hospital with a job coach, for young people with an EHC plan.", "John Radcliffe Hospital", "OX3 9DU", StudyMode.WorkBased, 12, 8,
                    "An education, health and care plan.");
            }
        }

        var trainer = population.TrainingProvider;
        foreach (var (title, subject, level, about) in Apprenticeships)
        {
            foreach (var (venue, postcode) in new[] { ("Oxford", "OX4 2JZ"), ("Witney", trainer.Postcode!), ("Banbury", "OX16 5DE"), ("Didcot", "OX11 7HJ") })
            {
                Add(trainer, title, QualificationType.Apprenticeship, level, subject, about + $" Off-the-job training at our {venue} centre.",
                    $"{trainer.Name}, {venue}", postcode, StudyMode.WorkBased, level >= 3 ? 36 : 18, 6, Requirements(level));
            }
        }

        var employerCourses = new (int Employer, int Apprenticeship)[] { (0, 0), (0, 1), (0, 7), (0, 8), (1, 9), (1, 5), (1, 14), (2, 12), (2, 6), (2, 14), (3, 2), (3, 3), (3, 4), (3, 5), (1, 10), (1, 13), (2, 11), (0, 2), (3, 1), (0, 14), (2, 13), (1, 7), (3, 6), (2, 7), (0, 6), (1, 6) };
        foreach (var (e, a) in employerCourses)
        {
            var (title, subject, level, about) = Apprenticeships[a];
            Add(employers[e], title, QualificationType.Apprenticeship, level, subject, about, employers[e].Name, employers[e].Postcode!, StudyMode.WorkBased, level >= 3 ? 36 : 18, 4, Requirements(level));
        }

        return new DemoProspectus { Employers = employers, Courses = courses };
    }
}
