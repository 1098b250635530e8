using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Waypoint.Core.Email;
using Waypoint.TestCommon;

namespace Waypoint.Core.Tests.Email;

public class EmailSenderTests
{
    private const string ServiceId = "26785a09-ab16-4eb0-8407-a37497a57506";
    private const string SecretKey = "3d844edf-8d35-48ac-975b-e847b4f122b0";

    [Fact]
    public async Task Notify_SendsToTheV2ApiWithASignedToken()
    {
        var handler = new RecordingHandler();
        var sender = new NotifyEmailSender(new HttpClient(handler), new NotifySettings
        {
            ApiKey = $"waypoint_test-{ServiceId}-{SecretKey}",
            TemplateId = "f33517ff-2a88-4f6e-b855-c550268ce08a",
            BaseUrl = new Uri("https://notify.test"),
        }, TestClock.Create());

        await sender.SendAsync(new EmailMessage("amelia@example.com", "Your plan", "Hello", "ref-1"));

        var request = Assert.Single(handler.Requests);
        Assert.Equal("https://notify.test/v2/notifications/email", request.Uri);
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("amelia@example.com", body.RootElement.GetProperty("email_address").GetString());
        Assert.Equal("Your plan", body.RootElement.GetProperty("personalisation").GetProperty("subject").GetString());
        var parts = request.Token.Split('.');
        var payload = JsonDocument.Parse(Convert.FromBase64String(Pad(parts[1]))).RootElement;
        Assert.Equal(ServiceId, payload.GetProperty("iss").GetString());
        Assert.Equal(TestClock.Now.ToUnixTimeSeconds(), payload.GetProperty("iat").GetInt64());
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(SecretKey), Encoding.UTF8.GetBytes($"{parts[0]}.{parts[1]}")))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        Assert.Equal(expected, parts[2]);
    }

    [Fact]
    public async Task Notify_RefusedByNotify_ThrowsWithItsExplanation()
    {
        var handler = new RecordingHandler(HttpStatusCode.BadRequest, "{\"errors\":[{\"error\":\"BadRequestError\",\"message\":\"Missing personalisation\"}]}");
        var sender = new NotifyEmailSender(new HttpClient(handler), new NotifySettings { ApiKey = $"k-{ServiceId}-{SecretKey}", TemplateId = "t" }, TestClock.Create());

        var exception = await Record.ExceptionAsync(() => sender.SendAsync(new EmailMessage("a@example.com", "s", "b")));

        Assert.Contains("Missing personalisation", Assert.IsType<HttpRequestException>(exception).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outbox_ChosenByDefault_WritesOneReadableFilePerMessage()
    {
        var directory = Path.Combine(Path.GetTempPath(), "waypoint-tests", $"outbox-{Guid.NewGuid():N}");
        var services = new ServiceCollection().AddSingleton<TimeProvider>(TestClock.Create())
            .AddWaypointEmail(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Email:OutboxDirectory"] = directory }).Build(), directory)
            .BuildServiceProvider();

        await services.GetRequiredService<IEmailSender>().SendAsync(new EmailMessage("sam@example.com", "Hello", "Body text"));

        var file = Assert.Single(Directory.GetFiles(directory));
        Assert.Contains("sam@example.com", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public void AddWaypointEmail_UnknownSender_ExplainsTheChoices()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Email:Sender"] = "pigeon" }).Build();

        var exception = Record.Exception(() => new ServiceCollection().AddWaypointEmail(configuration, Path.GetTempPath()));

        Assert.Contains("outbox, smtp or notify", exception?.Message, StringComparison.Ordinal);
    }

    private static string Pad(string base64Url)
    {
        var s = base64Url.Replace('-', '+').Replace('_', '/');
        return s + new string('=', (4 - (s.Length % 4)) % 4);
    }

    private sealed record SentRequest(string Uri, string Token, string Body);

    private sealed class RecordingHandler(HttpStatusCode status = HttpStatusCode.Created, string response = "{}") : HttpMessageHandler
    {
        public List<SentRequest> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Requests.Add(new SentRequest(request.RequestUri!.ToString(), request.Headers.Authorization!.Parameter!, await request.Content!.ReadAsStringAsync(cancellationToken)));
            return new HttpResponseMessage(status) { Content = new StringContent(response) };
        }
    }
}
