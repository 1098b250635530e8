namespace Waypoint.Core.Matching;

/// <summary>
/// Common English given-name short forms. A young person enrolled as "Alex" at college and "Alexander" on the school
/// roll is one person; the table is deliberately modest so that different names are not made to agree.
/// </summary>
public static class Nicknames
{
    private static readonly string[][] Groups =
    [
        ["alexander", "alex", "alexandra", "sandy", "xander", "lexi", "alexa"],
        ["robert", "rob", "bob", "bobby", "robbie", "bert"],
        ["william", "will", "bill", "billy", "liam", "willy"],
        ["richard", "rich", "rick", "ricky", "dick", "richie"],
        ["james", "jim", "jimmy", "jamie", "jimbo"],
        ["thomas", "tom", "tommy"],
        ["joseph", "joe", "joey"],
        ["daniel", "dan", "danny"],
        ["matthew", "matt", "matty"],
        ["michael", "mike", "mikey", "mick", "micky"],
        ["christopher", "chris", "kit", "topher"],
        ["nicholas", "nick", "nicky", "nico"],
        ["benjamin", "ben", "benji", "benny"],
        ["samuel", "sam", "sammy"],
        ["samantha", "sam", "sammie", "sammy"],
        ["jonathan", "jon", "jonny", "johnny"],
        ["john", "jack", "johnny", "jon"],
        ["edward", "ed", "eddie", "ted", "teddy", "ned"],
        ["anthony", "tony", "ant"],
        ["andrew", "andy", "drew"],
        ["charles", "charlie", "chas", "chuck"],
        ["charlotte", "lottie", "charlie", "lotte"],
        ["elizabeth", "liz", "lizzie", "beth", "betty", "eliza", "libby", "lisa", "bess"],
        ["katherine", "kate", "katie", "kathy", "kat", "kitty"],
        ["catherine", "cate", "cathy", "kate", "katie", "cat"],
        ["margaret", "maggie", "meg", "peggy", "megan"],
        ["rebecca", "becky", "becca", "bex"],
        ["jessica", "jess", "jessie"],
        ["jennifer", "jen", "jenny"],
        ["victoria", "vicky", "tori", "vic"],
        ["abigail", "abi", "abby", "gail"],
        ["olivia", "liv", "livvy", "ollie"],
        ["oliver", "ollie", "olly"],
        ["harry", "henry", "hal", "hank"],
        ["frederick", "fred", "freddie", "freddy"],
        ["patrick", "pat", "paddy"],
        ["patricia", "pat", "patty", "trish", "tricia"],
        ["stephen", "steve", "stevie", "steven"],
        ["gregory", "greg"],
        ["timothy", "tim", "timmy"],
        ["zachary", "zach", "zac", "zack"],
        ["nathaniel", "nathan", "nat", "nate"],
        ["gabriel", "gabe"],
        ["gabriella", "gabby", "ella"],
        ["isabella", "isabel", "izzy", "bella", "isabelle"],
        ["amelia", "millie", "milly", "amy"],
        ["emily", "em", "emmy", "millie"],
        ["eleanor", "ellie", "nora", "elle"],
        ["sophia", "sophie", "soph"],
        ["susan", "sue", "susie", "suzy"],
        ["deborah", "deb", "debbie"],
        ["josephine", "jo", "josie"],
        ["joshua", "josh"],
        ["kenneth", "ken", "kenny"],
        ["leonard", "leo", "len", "lenny"],
        ["lawrence", "laurie", "larry"],
        ["maximilian", "max"],
        ["maxwell", "max"],
        ["mohammed", "muhammad", "mohammad", "mohamed", "muhammed"],
        ["raymond", "ray"],
        ["ronald", "ron", "ronnie"],
        ["donald", "don", "donny"],
        ["theodore", "theo", "ted", "teddy"],
        ["tobias", "toby"],
        ["vincent", "vince", "vinny"],
        ["archibald", "archie"],
        ["alfred", "alfie", "alf"],
        ["jacob", "jake", "jakob"],
        ["jayden", "jaden", "jaiden"],
        ["louis", "lou", "louie"],
        ["louise", "lou", "lulu"],
        ["lucy", "lucinda", "lucie"],
        ["natalie", "nat", "nattie"],
        ["natasha", "tash", "tasha"],
        ["penelope", "penny"],
        ["philip", "phil", "pip"],
        ["phillip", "phil", "pip"],
        ["rosemary", "rosie", "rose"],
        ["ruby", "rubie"],
        ["sebastian", "seb", "bastian"],
        ["tyler", "ty"],
        ["evelyn", "evie", "eve"],
        ["frances", "fran", "frankie"],
        ["francis", "frank", "frankie"],
        ["georgina", "georgie", "gina"],
        ["george", "georgie"],
    ];

    private static readonly Dictionary<string, HashSet<int>> GroupsOf = Build();

    private static Dictionary<string, HashSet<int>> Build()
    {
        var index = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var name in Groups[g])
            {
                if (!index.TryGetValue(name, out var set))
                {
                    index[name] = set = [];
                }

                set.Add(g);
            }
        }

        return index;
    }

    /// <summary>True when two folded given names are forms of the same name.</summary>
    public static bool AreVariants(string a, string b) =>
        GroupsOf.TryGetValue(a, out var left) && GroupsOf.TryGetValue(b, out var right) && left.Overlaps(right);
}
