using Dapper;
using Npgsql;

namespace Inspection.Data;

/// <summary>Installs the audit schema and its triggers (AuditTrail/*.sql) in a service database.</summary>
internal static class AuditTrail
{
    private static readonly string InstallSql = EmbeddedSql.Read("audit-install.sql");
    private static readonly string AttachSql = EmbeddedSql.Read("audit-attach.sql");

    public static Task InstallAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InstallSql, commandTimeout: 0, cancellationToken: ct));

    public static Task AttachAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(AttachSql, commandTimeout: 0, cancellationToken: ct));
}
