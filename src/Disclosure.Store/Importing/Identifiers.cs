using System.Globalization;
using System.Text.RegularExpressions;

namespace Disclosure.Store.Importing;

/// <summary>Shape and check-digit tests of the identifiers the datasets carry. They check form, not existence.</summary>
public static partial class Identifiers
{
    /// <summary>ISO 3166-1 alpha-3 shape: three capital ASCII letters.</summary>
    public static bool IsAlpha3(string value) => Alpha3().IsMatch(value);

    /// <summary>ISO 3166-1 alpha-2 shape: two capital ASCII letters.</summary>
    public static bool IsAlpha2(string value) => Alpha2().IsMatch(value);

    /// <summary>Wikidata item id: Q and a number without leading zero.</summary>
    public static bool IsWikidataQid(string value) => Qid().IsMatch(value);

    /// <summary>ISO 6166 ISIN: two letters, nine alphanumerics, a check digit (Luhn over the letters as numbers 10-35).</summary>
    public static bool IsIsin(string value)
    {
        if (!Isin().IsMatch(value))
        {
            return false;
        }
        var digits = string.Concat(value[..^1].Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var n = digits[^(i + 1)] - '0';
            if (i % 2 == 0)
            {
                n *= 2;
                n = n > 9 ? n - 9 : n;
            }
            sum += n;
        }
        return (10 - (sum % 10)) % 10 == value[^1] - '0';
    }

    /// <summary>ISO 17442 LEI: 18 capital alphanumerics and two check digits, the whole being 1 mod 97 (ISO 7064 MOD 97-10).</summary>
    public static bool IsLei(string value)
    {
        if (!Lei().IsMatch(value))
        {
            return false;
        }
        var remainder = 0;
        foreach (var c in value)
        {
            var n = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = n < 10 ? ((remainder * 10) + n) % 97 : ((remainder * 100) + n) % 97;
        }
        return remainder == 1;
    }

    [GeneratedRegex("^[A-Z]{3}$")]
    private static partial Regex Alpha3();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex Alpha2();

    [GeneratedRegex("^Q[1-9][0-9]*$")]
    private static partial Regex Qid();

    [GeneratedRegex("^[A-Z]{2}[A-Z0-9]{9}[0-9]$")]
    private static partial Regex Isin();

    [GeneratedRegex("^[A-Z0-9]{18}[0-9]{2}$")]
    private static partial Regex Lei();
}
