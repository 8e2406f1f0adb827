using System.Globalization;
using HelpdeskIdentity.Api.Audit;

namespace HelpdeskIdentity.Api.Cli;

/// <summary><c>audit tail</c>: the newest audit events, oldest of them first, one per line.</summary>
internal static class AuditCommands
{
    public static async Task<int> TailAsync(IConfiguration configuration, string[] options, CliConsole console)
    {
        Guid? account = null;
        string? type = null;
        var count = 20;
        for (var i = 0; i < options.Length; i += 2)
        {
            var value = i + 1 < options.Length ? options[i + 1] : null;
            switch (options[i])
            {
                case "--account" when Guid.TryParse(value, out var id):
                    account = id;
                    break;
                case "--type" when value is not null && AuditEventTypes.All.Contains(value):
                    type = value;
                    break;
                case "-n" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 1000:
                    count = n;
                    break;
                default:
                    await console.Error.WriteLineAsync($"audit tail: bad option {options[i]} {value} (--account ID, --type {string.Join('|', AuditEventTypes.All)}, -n 1..1000)");
                    return 2;
            }
        }

        return await CliServices.RunAsync(configuration, console, "audit", async services =>
        {
            var events = await services.GetRequiredService<AuditLog>().FindAsync(new AuditFilter(account, type), count, null, CancellationToken.None);
            foreach (var e in events.Reverse())
            {
                await console.Output.WriteLineAsync(string.Join('\t',
                    e.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture), e.Type, e.Outcome,
                    e.AccountId?.ToString() ?? "-", e.ClientId ?? "-", e.SessionId ?? "-", e.SourceIp ?? "-", e.UserAgent ?? "-", e.Detail ?? "-"));
            }

            return 0;
        });
    }
}
