using Waypoint.Cli;

return await Commands.RunAsync(args, Console.Out, Console.Error);
