using System.Globalization;
using Waypoint.Core.Risk;

namespace Waypoint.Web.Pages.Risk;

/// <summary>How bands, trends and probabilities read on the risk pages.</summary>
public static class RiskText
{
    public static string Band(RiskBand band) => band switch
    {
        RiskBand.SubstantialSupport => "Substantial support",
        RiskBand.AdditionalSupport => "Additional support",
        RiskBand.OfferSupport => "Offer support",
        _ => "No indicators",
    };

    public static string BandTag(RiskBand band) => band switch
    {
        RiskBand.SubstantialSupport => "govuk-tag govuk-tag--red",
        RiskBand.AdditionalSupport => "govuk-tag govuk-tag--orange",
        RiskBand.OfferSupport => "govuk-tag govuk-tag--yellow",
        _ => "govuk-tag govuk-tag--grey",
    };

    public static string Trend(int points, int? previous) => previous switch
    {
        null => "New this term",
        { } p when points > p => $"Up {points - p} since last term",
        { } p when points < p => $"Down {p - points} since last term",
        _ => "No change since last term",
    };

    public static string Percent(double? value) => value is { } v ? v.ToString("0.0%", CultureInfo.InvariantCulture) : "Not scored";

    public static string SupportKind(RiskSupportKind kind) => kind switch
    {
        RiskSupportKind.Adviser => "Personal adviser",
        RiskSupportKind.Mentoring => "Mentoring",
        _ => "Planned intervention",
    };
}
