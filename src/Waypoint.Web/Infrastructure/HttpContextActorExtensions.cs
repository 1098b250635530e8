using Waypoint.Core.Access;

namespace Waypoint.Web.Infrastructure;

public static class HttpContextActorExtensions
{
    public static Actor GetActor(this HttpContext context) =>
        Actor.FromPrincipal(context.User, context.Connection.RemoteIpAddress?.ToString(), context.TraceIdentifier);
}
