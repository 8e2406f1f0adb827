using HelpdeskIdentity.BrowserTests.Infrastructure;

namespace HelpdeskIdentity.BrowserTests.Accessibility;

/// <summary>Runs axe-core on each state of a page a journey reaches, and keeps the serious and critical violations of all.</summary>
public sealed class AccessibilityAudit(Journey journey)
{
    private readonly List<string> _violations = [];

    /// <summary>Every serious or critical violation found so far, each with the step it was found in.</summary>
    public IReadOnlyList<string> Violations => _violations;

    /// <summary>A screenshot of the step, then axe-core on the page as it is.</summary>
    public async Task CheckAsync(string step)
    {
        await journey.StepAsync(step);
        _violations.AddRange((await Axe.SeriousViolationsAsync(journey.Page)).Select(v => $"{step}: {v}"));
    }
}
