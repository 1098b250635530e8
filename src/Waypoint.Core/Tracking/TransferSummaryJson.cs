using System.Text.Json;

namespace Waypoint.Core.Tracking;

public static class TransferSummaryJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true, MaxDepth = 16 };
}
