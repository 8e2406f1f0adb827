using System.Text.Json;
using HelpdeskIdentity.TestSupport;
using Microsoft.Playwright;

namespace HelpdeskIdentity.BrowserTests.Infrastructure;

/// <summary>
/// axe-core (npm, pinned in this project's package-lock.json) injected into the page from the local node_modules.
/// The page's CSP forbids inline scripts, so contexts that run it are made with <see cref="JourneyOptions.BypassCsp"/>.
/// </summary>
public static class Axe
{
    public static readonly string Folder = Path.Combine(Repository.Root, "tests", "HelpdeskIdentity.BrowserTests");

    private static readonly string Script = Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js");

    /// <summary>Every serious or critical violation on the page as it is now, one readable line each.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = Script });
        }

        var json = await page.EvaluateAsync<string>("""
            async () => {
              const result = await axe.run(document);
              return JSON.stringify(result.violations
                .filter(v => v.impact === "serious" || v.impact === "critical")
                .map(v => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map(n => n.target.join(" ")).join(", ")})`));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json) ?? [];
    }
}
