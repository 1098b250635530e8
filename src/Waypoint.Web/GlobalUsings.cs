global using Waypoint.Web.Infrastructure;
