using Dapper;
using Npgsql;

namespace Inspection.Data;

/// <summary>Installs the audit schema and its triggers (AuditTrail/*.sql) in a service database.</summary>
internal static class AuditTrail
{
    private static readonly string InstallSql = Read("audit-install.sql");
    private static readonly string AttachSql = Read("audit-attach.sql");

    public static Task InstallAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(InstallSql, commandTimeout: 0, cancellationToken: ct));

    public static Task AttachAsync(NpgsqlConnection connection, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(AttachSql, commandTimeout: 0, cancellationToken: ct));

    private static string Read(string name)
    {
        using var stream = typeof(AuditTrail).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"{name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
