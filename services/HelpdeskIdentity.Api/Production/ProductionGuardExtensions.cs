namespace HelpdeskIdentity.Api.Production;

public static class ProductionGuardExtensions
{
    /// <summary>In Production, start-up stops with every development default named (<see cref="DevelopmentDefaultsGuard"/>).</summary>
    public static void AddProductionGuard(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsProduction())
        {
            return;
        }

        var problems = DevelopmentDefaultsGuard.Find(builder.Configuration);
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "The service refuses to start in Production with development settings:" + Environment.NewLine + "  " +
                string.Join(Environment.NewLine + "  ", problems));
        }
    }
}
