namespace HelpdeskIdentity.TestSupport;

/// <summary>Paths in the repository, found from the test assembly's folder.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Script(string name) => Path.Combine(Root, "deploy", "local", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HelpdeskIdentity.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HelpdeskIdentity.sln not found above " + AppContext.BaseDirectory);
    }
}
