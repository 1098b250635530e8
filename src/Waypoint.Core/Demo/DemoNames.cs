namespace Waypoint.Core.Demo;

/// <summary>Name, street and place lists for generated people: common in England, none a real person.</summary>
public static class DemoNames
{
    public static readonly string[] GirlsNames =
    [
        "Olivia", "Amelia", "Isla", "Ava", "Ivy", "Freya", "Lily", "Florence", "Mia", "Willow", "Rosie", "Sophia",
        "Isabella", "Grace", "Daisy", "Sienna", "Poppy", "Elsie", "Emily", "Ella", "Evelyn", "Phoebe", "Sofia", "Evie",
        "Charlotte", "Harper", "Millie", "Matilda", "Maya", "Ruby", "Aisha", "Zara", "Amira", "Fatima", "Maryam", "Hannah",
        "Chloe", "Jessica", "Megan", "Niamh", "Priya", "Ananya", "Chiamaka", "Adaeze", "Zofia", "Oliwia", "Leah", "Erin",
        "Holly", "Lucy", "Katie", "Jasmine", "Amber", "Bethany", "Caitlin", "Eleanor", "Imogen", "Sasha", "Tia", "Nadia",
    ];

    public static readonly string[] BoysNames =
    [
        "Muhammad", "Noah", "Oliver", "George", "Leo", "Arthur", "Oscar", "Harry", "Theodore", "Freddie", "Jack", "Charlie",
        "Finley", "Henry", "Alfie", "Thomas", "Archie", "William", "Jacob", "Lucas", "Isaac", "Joshua", "Teddy", "Alexander",
        "James", "Max", "Edward", "Samuel", "Ethan", "Reuben", "Ibrahim", "Yusuf", "Omar", "Ayaan", "Arjun", "Kai",
        "Tyler", "Callum", "Connor", "Kieran", "Liam", "Ryan", "Daniel", "Nathan", "Kacper", "Jakub", "Emeka", "Tobi",
        "Ben", "Dylan", "Luke", "Adam", "Jayden", "Mason", "Owen", "Rhys", "Sam", "Zain", "Harvey", "Louis",
    ];

    public static readonly string[] FamilyNames =
    [
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts", "Robinson",
        "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris", "Clarke", "Patel",
        "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark", "Lee", "King",
        "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis", "Parker", "Price", "Bennett",
        "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson", "Bailey", "Collins", "Bell", "Shaw", "Murphy",
        "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson", "Simpson", "Ellis", "Adams", "Singh", "Begum", "Ali",
        "Hussain", "Ahmed", "Okafor", "Mensah", "Nowak", "Kowalski", "O'Brien", "McCarthy", "Fletcher", "Dawson", "Hunt", "Palmer",
        "Lloyd", "Webb", "Owen", "Russell", "Holmes", "Mills", "Gibson", "Stevens", "Pearson", "Chapman", "Knight", "Hart",
        "Fox", "Reid", "Barker", "Sharpe", "Howard", "Lawrence", "Burton", "Francis", "Nwosu", "Rahman", "Chowdhury", "D'Souza",
        "Smith-Jones", "Brown-Ellis", "Sánchez", "Müller", "Zieliński", "Ó Súilleabháin",
    ];

    public static readonly string[] Streets =
    [
        "High Street", "Church Lane", "Station Road", "Mill Lane", "London Road", "Victoria Road", "Green Lane", "Manor Road",
        "Park Road", "Queens Road", "The Crescent", "Meadow Way", "Orchard Close", "Kingfisher Drive", "Cherwell Avenue",
        "Thames Street", "Windmill Road", "Cowley Road", "Banbury Road", "Woodstock Road", "Abingdon Road", "Marsh Lane",
        "Howard Street", "Iffley Road", "Between Towns Road", "Blackbird Leys Road", "Wantage Road", "Newland Close",
    ];

    /// <summary>Postcode district and the town it belongs to, in the demo LA area.</summary>
    public static readonly (string District, string Town)[] Districts =
    [
        ("OX1", "Oxford"), ("OX2", "Oxford"), ("OX3", "Oxford"), ("OX4", "Oxford"), ("OX4", "Oxford"), ("OX4", "Oxford"),
        ("OX5", "Kidlington"), ("OX7", "Chipping Norton"), ("OX10", "Wallingford"), ("OX11", "Didcot"), ("OX11", "Didcot"),
        ("OX12", "Wantage"), ("OX14", "Abingdon"), ("OX14", "Abingdon"), ("OX16", "Banbury"), ("OX16", "Banbury"),
        ("OX18", "Carterton"), ("OX26", "Bicester"), ("OX26", "Bicester"), ("OX28", "Witney"), ("OX29", "Witney"),
    ];

    public static readonly (string Code, double Weight)[] Ethnicities =
    [
        ("WBRI", 68), ("WIRI", 1), ("WROM", 0.5), ("WOTH", 6), ("MWBC", 1.5), ("MWBA", 0.8), ("MWAS", 1.6), ("MOTH", 1.8),
        ("AIND", 2.5), ("APKN", 3.5), ("ABAN", 1.2), ("AOTH", 1.6), ("BCRB", 1), ("BAFR", 3.2), ("BOTH", 0.6), ("BBRI", 0.4),
        ("CHNE", 0.7), ("OARA", 0.5), ("OOTH", 1.4), ("REFU", 0.8), ("NOBT", 0.6),
    ];
}
