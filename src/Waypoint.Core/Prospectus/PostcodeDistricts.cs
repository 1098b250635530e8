using System.Globalization;
using Waypoint.Core.Identifiers;

namespace Waypoint.Core.Prospectus;

public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusMiles = 3958.8;

    /// <summary>Great-circle distance in miles (haversine): close enough for "within 10 miles" at district precision.</summary>
    public double MilesTo(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) +
                (Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthRadiusMiles * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>
/// Postcode district centroids shipped with Waypoint (Resources/postcode-districts.csv): every district of the demo
/// area and one district in each larger town of England. Distances are from district to district, so they are right
/// to a mile or two, which is what a "how far is it" filter needs; no full postcode ever leaves the server.
/// </summary>
public static class PostcodeDistricts
{
    private static readonly Lazy<Dictionary<string, GeoPoint>> Centroids = new(Load);

    public static int Count => Centroids.Value.Count;

    /// <summary>The centroid of a full postcode's or an outward code's district, or null when it is not shipped.</summary>
    public static GeoPoint? Locate(string? postcode)
    {
        if (string.IsNullOrWhiteSpace(postcode))
        {
            return null;
        }

        var compact = new string(postcode.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToUpperInvariant();
        var district = compact.Length >= 5 && Postcode.IsValid(compact) ? Postcode.District(compact) : postcode.Trim().ToUpperInvariant();
        return Centroids.Value.TryGetValue(district, out var point) ? point : null;
    }

    private static Dictionary<string, GeoPoint> Load()
    {
        using var stream = typeof(PostcodeDistricts).Assembly.GetManifestResourceStream("Waypoint.Core.Prospectus.Resources.postcode-districts.csv")
            ?? throw new InvalidOperationException("The postcode district centroids are missing from the assembly.");
        using var reader = new StreamReader(stream);
        var result = new Dictionary<string, GeoPoint>(StringComparer.Ordinal);
        reader.ReadLine();
        while (reader.ReadLine() is { } line)
        {
            var parts = line.Split(',');
            if (parts.Length == 3)
            {
                result[parts[0]] = new GeoPoint(double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
            }
        }

        return result;
    }
}
