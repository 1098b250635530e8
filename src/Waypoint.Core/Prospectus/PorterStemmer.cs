namespace Waypoint.Core.Prospectus;

/// <summary>
/// M. F. Porter's 1980 suffix-stripping algorithm ("An algorithm for suffix stripping", Program 14(3)), for lower-case
/// English words, so "engineering", "engineer" and "engineers" meet at "engin".
/// </summary>
public static class PorterStemmer
{
    public static string Stem(string word)
    {
        if (word.Length <= 2)
        {
            return word;
        }

        var w = new Word(word);
        w.Step1a();
        w.Step1b();
        w.Step1c();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        return w.ToString();
    }

    private sealed class Word(string text)
    {
        private char[] b = text.ToCharArray();
        private int k = text.Length - 1;
        private int j;

        public override string ToString() => new(b, 0, k + 1);

        private bool IsConsonant(int i) => b[i] switch
        {
            'a' or 'e' or 'i' or 'o' or 'u' => false,
            'y' => i == 0 || !IsConsonant(i - 1),
            _ => true,
        };

        /// <summary>The number of vowel-consonant sequences in b[0..j].</summary>
        private int Measure()
        {
            var n = 0;
            var i = 0;
            while (true)
            {
                if (i > j)
                {
                    return n;
                }

                if (!IsConsonant(i))
                {
                    break;
                }

                i++;
            }

            i++;
            while (true)
            {
                while (true)
                {
                    if (i > j)
                    {
                        return n;
                    }

                    if (IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
                n++;
                while (true)
                {
                    if (i > j)
                    {
                        return n;
                    }

                    if (!IsConsonant(i))
                    {
                        break;
                    }

                    i++;
                }

                i++;
            }
        }

        private bool VowelInStem()
        {
            for (var i = 0; i <= j; i++)
            {
                if (!IsConsonant(i))
                {
                    return true;
                }
            }

            return false;
        }

        private bool DoubleConsonant(int at) => at >= 1 && b[at] == b[at - 1] && IsConsonant(at);

        /// <summary>consonant-vowel-consonant ending at i, the last not w, x or y: "hop", not "snow".</summary>
        private bool Cvc(int i) =>
            i >= 2 && IsConsonant(i) && !IsConsonant(i - 1) && IsConsonant(i - 2) && b[i] is not ('w' or 'x' or 'y');

        private bool Ends(string s)
        {
            var length = s.Length;
            if (length > k + 1)
            {
                return false;
            }

            for (var i = 0; i < length; i++)
            {
                if (b[k - length + 1 + i] != s[i])
                {
                    return false;
                }
            }

            j = k - length;
            return true;
        }

        private void SetTo(string s)
        {
            var needed = j + 1 + s.Length;
            if (needed > b.Length)
            {
                Array.Resize(ref b, needed);
            }

            for (var i = 0; i < s.Length; i++)
            {
                b[j + 1 + i] = s[i];
            }

            k = j + s.Length;
        }

        private void ReplaceIfMeasured(string s)
        {
            if (Measure() > 0)
            {
                SetTo(s);
            }
        }

        public void Step1a()
        {
            if (b[k] != 's')
            {
                return;
            }

            if (Ends("sses"))
            {
                k -= 2;
            }
            else if (Ends("ies"))
            {
                SetTo("i");
            }
            else if (k >= 1 && b[k - 1] != 's')
            {
                k--;
            }
        }

        public void Step1b()
        {
            if (Ends("eed"))
            {
                if (Measure() > 0)
                {
                    k--;
                }

                return;
            }

            if ((Ends("ed") || Ends("ing")) && VowelInStem())
            {
                k = j;
                if (Ends("at"))
                {
                    SetTo("ate");
                }
                else if (Ends("bl"))
                {
                    SetTo("ble");
                }
                else if (Ends("iz"))
                {
                    SetTo("ize");
                }
                else if (DoubleConsonant(k))
                {
                    if (b[k] is not ('l' or 's' or 'z'))
                    {
                        k--;
                    }
                }
                else
                {
                    j = k;
                    if (Measure() == 1 && Cvc(k))
                    {
                        SetTo("e");
                    }
                }
            }
        }

        public void Step1c()
        {
            if (Ends("y") && VowelInStem())
            {
                b[k] = 'i';
            }
        }

        private static readonly (string Suffix, string Replacement)[] Step2Rules =
        [
            ("ational", "ate"), ("tional", "tion"), ("enci", "ence"), ("anci", "ance"), ("izer", "ize"), ("bli", "ble"),
            ("alli", "al"), ("entli", "ent"), ("eli", "e"), ("ousli", "ous"), ("ization", "ize"), ("ation", "ate"),
            ("ator", "ate"), ("alism", "al"), ("iveness", "ive"), ("fulness", "ful"), ("ousness", "ous"), ("aliti", "al"),
            ("iviti", "ive"), ("biliti", "ble"), ("logi", "log"),
        ];

        private static readonly (string Suffix, string Replacement)[] Step3Rules =
        [
            ("icate", "ic"), ("ative", ""), ("alize", "al"), ("iciti", "ic"), ("ical", "ic"), ("ful", ""), ("ness", ""),
        ];

        private static readonly string[] Step4Suffixes =
        [
            "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize",
        ];

        public void Step2() => ApplyRules(Step2Rules);

        public void Step3() => ApplyRules(Step3Rules);

        private void ApplyRules((string Suffix, string Replacement)[] rules)
        {
            if (k == 0)
            {
                return;
            }

            foreach (var (suffix, replacement) in rules)
            {
                if (Ends(suffix))
                {
                    ReplaceIfMeasured(replacement);
                    return;
                }
            }
        }

        public void Step4()
        {
            if (k == 0)
            {
                return;
            }

            foreach (var suffix in Step4Suffixes)
            {
                if (!Ends(suffix))
                {
                    continue;
                }

                // "ion" is removed only after s or t: "adoption" loses it, "onion" keeps it.
                if (suffix == "ion" && (j < 0 || b[j] is not ('s' or 't')))
                {
                    return;
                }

                if (Measure() > 1)
                {
                    k = j;
                }

                return;
            }
        }

        public void Step5()
        {
            j = k;
            if (b[k] == 'e')
            {
                var m = Measure();
                if (m > 1 || (m == 1 && !Cvc(k - 1)))
                {
                    k--;
                }
            }

            if (b[k] == 'l' && DoubleConsonant(k) && Measure() > 1)
            {
                k--;
            }
        }
    }
}
