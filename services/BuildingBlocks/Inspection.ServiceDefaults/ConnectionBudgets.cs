using Inspection.Data;
using Microsoft.Extensions.Configuration;

namespace Inspection.ServiceDefaults;

/// <summary>
/// One copy's share of the connection budget: deploy/services.json's poolSize and directConnections for the app,
/// overridable as Database:PoolSize, Database:DirectConnections and Database:PoolWait (how long a call waits for a
/// pooled connection; 5 s, under the 10 s call deadline, so a call that cannot get one is answered "retry" in time).
/// </summary>
public static class ConnectionBudgets
{
    public static ConnectionBudget For(IConfiguration configuration, AppEndpoint app) => new(
        configuration.GetValue<int?>("Database:PoolSize") ?? app.PoolSize,
        configuration.GetValue<int?>("Database:DirectConnections") ?? app.DirectConnections,
        configuration.GetValue<TimeSpan?>("Database:PoolWait") ?? ConnectionBudget.DefaultPoolWait);

    /// <summary>ConnectionStrings:Direct: PostgreSQL itself when ConnectionStrings:Default goes through a pooler; null otherwise.</summary>
    public static string? DirectConnectionString(IConfiguration configuration) => configuration.GetConnectionString("Direct");
}
