using System.Net;
using System.Net.Http.Headers;
using System.Net.Mail;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Waypoint.Core.Email;

public sealed record EmailMessage(string To, string Subject, string Body, string? Reference = null);

/// <summary>The I/O seam for email. Pick an implementation with <c>Email:Sender</c>: outbox (default), smtp or notify.</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>Writes each message as a JSON file in a folder: the demo's and the tests' email, readable by people and tests.</summary>
public sealed class FileOutboxEmailSender(string directory, TimeProvider clock) : IEmailSender
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public string Directory { get; } = directory;

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var sentAt = clock.GetUtcNow();
        var path = Path.Combine(Directory, $"{sentAt:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new { sentAt, message.To, message.Subject, message.Body, message.Reference }, Json), cancellationToken);
    }
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 587;
    public bool EnableSsl { get; set; } = true;
    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "";
}

public sealed class SmtpEmailSender(SmtpSettings settings) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        using var client = new SmtpClient(settings.Host, settings.Port) { EnableSsl = settings.EnableSsl };
        if (settings.Username is not null)
        {
            client.Credentials = new NetworkCredential(settings.Username, settings.Password);
        }

        using var mail = new MailMessage(settings.From, message.To, message.Subject, message.Body);
        await client.SendMailAsync(mail, cancellationToken);
    }
}

public sealed class NotifySettings
{
    /// <summary>A GOV.UK Notify API key: "name-serviceId-secretKey", the last two parts being UUIDs.</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>An email template whose subject is ((subject)) and body ((body)).</summary>
    public string TemplateId { get; set; } = "";

    public Uri BaseUrl { get; set; } = new("https://api.notifications.service.gov.uk");
}

/// <summary>
/// Sends through GOV.UK Notify's REST API (v2) with its JWT bearer authentication, using one generic template so
/// the wording stays in Waypoint. See shared/reference/interop.md section 6.
/// </summary>
public sealed class NotifyEmailSender(HttpClient http, NotifySettings settings, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.BaseUrl, "/v2/notifications/email"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", CreateToken());
        request.Content = JsonContent(new
        {
            email_address = message.To,
            template_id = settings.TemplateId,
            personalisation = new { subject = message.Subject, body = message.Body },
            reference = message.Reference,
        });
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"GOV.UK Notify refused the email ({(int)response.StatusCode}): {detail}");
        }
    }

    /// <summary>Notify's token: HS256 over {iss: service ID, iat: now}, signed with the secret key (the last 36 characters of the API key).</summary>
    public string CreateToken()
    {
        if (settings.ApiKey.Length < 74)
        {
            throw new InvalidOperationException("Email:Notify:ApiKey is not a GOV.UK Notify API key.");
        }

        var serviceId = settings.ApiKey[^73..^37];
        var secret = settings.ApiKey[^36..];
        static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = Base64Url(Encoding.UTF8.GetBytes("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"));
        var payload = Base64Url(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { iss = serviceId, iat = clock.GetUtcNow().ToUnixTimeSeconds() })));
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{header}.{payload}")));
        return $"{header}.{payload}.{signature}";
    }

    private static StringContent JsonContent(object body) => new(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
}

public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddWaypointEmail(this IServiceCollection services, IConfiguration configuration, string dataDirectory)
    {
        var section = configuration.GetSection("Email");
        switch ((section["Sender"] ?? "outbox").ToLowerInvariant())
        {
            case "outbox":
                var outbox = section["OutboxDirectory"] ?? Path.Combine(dataDirectory, "outbox");
                services.AddSingleton<IEmailSender>(sp => new FileOutboxEmailSender(outbox, sp.GetRequiredService<TimeProvider>()));
                break;
            case "smtp":
                var smtp = section.GetSection("Smtp").Get<SmtpSettings>() ?? throw new InvalidOperationException("Email:Smtp settings are missing.");
                services.AddSingleton<IEmailSender>(new SmtpEmailSender(smtp));
                break;
            case "notify":
                var notify = section.GetSection("Notify").Get<NotifySettings>() ?? throw new InvalidOperationException("Email:Notify settings are missing.");
                services.AddHttpClient<NotifyEmailSender>();
                services.AddSingleton(notify);
                services.AddTransient<IEmailSender>(sp => sp.GetRequiredService<NotifyEmailSender>());
                break;
            default:
                throw new InvalidOperationException($"Email:Sender must be outbox, smtp or notify, not '{section["Sender"]}'.");
        }

        return services;
    }
}
