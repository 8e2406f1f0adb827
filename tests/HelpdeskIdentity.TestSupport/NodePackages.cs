namespace HelpdeskIdentity.TestSupport;

/// <summary>npm packages the tests run or inject, pinned by each folder's package-lock.json.</summary>
public static class NodePackages
{
    /// <summary>
    /// Runs <c>npm ci</c> in <paramref name="folder"/> unless <paramref name="package"/> is installed there already
    /// (tests/run.sh installs every folder first; this is for a test run on its own).
    /// </summary>
    public static async Task EnsureInstalledAsync(string folder, string package)
    {
        if (Directory.Exists(Path.Combine(folder, "node_modules", package)))
        {
            return;
        }

        var result = await Shell.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], new Dictionary<string, string>(), null, folder);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in {folder} exited with {result.ExitCode}:\n{result.Output}");
        }
    }
}
