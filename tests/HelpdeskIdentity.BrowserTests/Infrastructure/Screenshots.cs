using HelpdeskIdentity.TestSupport;

namespace HelpdeskIdentity.BrowserTests.Infrastructure;

/// <summary>Where a test's step screenshots go: <c>$TEST_RESULTS/screenshots/&lt;test&gt;/NN-step.png</c> (default TestResults/ in the repository).</summary>
public static class Screenshots
{
    public static string FolderFor(string test)
    {
        var results = Environment.GetEnvironmentVariable("TEST_RESULTS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Repository.Root, "TestResults");
        var folder = Path.Combine(results, "screenshots", test);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true); // a rerun's steps only
        }

        return Directory.CreateDirectory(folder).FullName;
    }
}
