using Dapper;
using Inspection.Data;
using Inspection.Domain;
using Npgsql;

namespace Inspection.Admin.Accounts;

/// <summary>
/// The admin's only SQL: accounts and the audit trail. Every change to an account is written in the same
/// transaction as its audit event, so the trail never misses a change that happened.
/// </summary>
public sealed class AdminStore(Database database)
{
    private const string AccountColumns = """
        account_id as AccountId, email as Email, display_name as DisplayName, role as Role,
        password_hash as PasswordHash, failed_attempts as FailedAttempts, locked_until as LockedUntil,
        disabled as Disabled, created_at as CreatedAt, created_by as CreatedBy,
        last_signed_in_at as LastSignedInAt, version as Version, must_change_password as MustChangePassword
        """;

    // Serialises "create the first administrator" across admin instances starting together.
    private const long FirstAdministratorLock = 0x496E_7341_646D_696E; // "InsAdmin"

    public async Task<Account?> FindByEmailAsync(string email, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"select {AccountColumns} from accounts where lower(email) = lower(@email)", new { email }, cancellationToken: ct));
        return row?.ToAccount();
    }

    public async Task<Account?> GetAsync(Guid accountId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"select {AccountColumns} from accounts where account_id = @accountId", new { accountId }, cancellationToken: ct));
        return row?.ToAccount();
    }

    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<AccountRow>(new CommandDefinition(
            $"select {AccountColumns} from accounts order by lower(display_name), lower(email)", cancellationToken: ct));
        return rows.Select(r => r.ToAccount()).ToList();
    }

    public async Task<bool> AnyAccountAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from accounts)", cancellationToken: ct));
    }

    /// <summary>Adds an account; an email already in use is refused with <see cref="AlreadyExistsException"/>.</summary>
    public Task<Account> CreateAsync(NewAccount account, string passwordHash, string createdBy, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var created = await InsertAsync(connection, transaction, account, passwordHash, createdBy, ct);
            await AuditAsync(connection, transaction, createdBy, "account created", created.Email, $"role {RoleNames.Display(created.Role)}", ct);
            return created;
        }, ct);

    /// <summary>
    /// Creates <paramref name="account"/> only when no account exists at all; false when one already did.
    /// Safe when two instances start at once.
    /// </summary>
    public Task<bool> CreateFirstAdministratorAsync(NewAccount account, string passwordHash, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_xact_lock(@key)", new { key = FirstAdministratorLock }, transaction, cancellationToken: ct));
            var any = await connection.ExecuteScalarAsync<bool>(new CommandDefinition("select exists (select 1 from accounts)", transaction: transaction, cancellationToken: ct));
            if (any) return false;
            var created = await InsertAsync(connection, transaction, account, passwordHash, "start-up", ct);
            await AuditAsync(connection, transaction, "start-up", "first administrator created", created.Email, "", ct);
            return true;
        }, ct);

    /// <summary>Counts a failed sign-in; the attempt that reaches <paramref name="maxAttempts"/> locks the account.</summary>
    public async Task<Account?> RecordFailedSignInAsync(Guid accountId, int maxAttempts, TimeSpan lockout, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
            $"""
            update accounts set
                failed_attempts = case when failed_attempts + 1 >= @maxAttempts then 0 else failed_attempts + 1 end,
                locked_until = case when failed_attempts + 1 >= @maxAttempts then now() + make_interval(secs => @seconds) else locked_until end
            where account_id = @accountId
            returning {AccountColumns}
            """, new { accountId, maxAttempts, seconds = lockout.TotalSeconds }, cancellationToken: ct));
        return row?.ToAccount();
    }

    /// <summary>A successful sign-in clears the failure count; a stored hash in an older format is replaced.</summary>
    public async Task RecordSignInAsync(Guid accountId, string? rehashedPassword, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            update accounts set failed_attempts = 0, locked_until = null, last_signed_in_at = now(),
                password_hash = coalesce(@rehashedPassword, password_hash)
            where account_id = @accountId
            """, new { accountId, rehashedPassword }, cancellationToken: ct));
    }

    /// <summary>Changes role, status and (when given) password; refuses a stale <paramref name="expectedVersion"/>.</summary>
    public Task<Account> UpdateAsync(Guid accountId, int expectedVersion, Role role, bool disabled, string? newPasswordHash, string changedBy, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
                $"select {AccountColumns} from accounts where account_id = @accountId for update", new { accountId }, transaction, cancellationToken: ct))
                ?? throw new NotFoundException("account", accountId.ToString());
            if (before.Version != expectedVersion)
                throw new ConcurrencyConflictException("Someone else changed this account since you opened it. Check its details and try again.");
            var after = await connection.QuerySingleAsync<AccountRow>(new CommandDefinition(
                $"""
                update accounts set role = @role, disabled = @disabled,
                    password_hash = coalesce(@newPasswordHash, password_hash),
                    failed_attempts = case when @newPasswordHash is null then failed_attempts else 0 end,
                    locked_until = case when @newPasswordHash is null then locked_until else null end,
                    must_change_password = must_change_password or @newPasswordHash is not null,
                    version = version + 1
                where account_id = @accountId
                returning {AccountColumns}
                """, new { accountId, role = RoleNames.Code(role), disabled, newPasswordHash }, transaction, cancellationToken: ct));
            var changes = new List<string>();
            if (before.Role != after.Role) changes.Add($"role {RoleNames.Display(RoleNames.Parse(before.Role))} to {RoleNames.Display(role)}");
            if (before.Disabled != after.Disabled) changes.Add(disabled ? "disabled" : "enabled");
            if (newPasswordHash is not null) changes.Add("password reset");
            await AuditAsync(connection, transaction, changedBy, "account changed", after.Email, changes.Count == 0 ? "no change" : string.Join("; ", changes), ct);
            return after.ToAccount();
        }, ct);

    /// <summary>
    /// The signed-in member of staff chooses their own password: replaced only while the account is at
    /// <paramref name="expectedVersion"/> (the session's), no longer to be changed at sign-in, version bumped (so other
    /// sessions end), audited in the same transaction.
    /// </summary>
    public Task<Account> ChangeOwnPasswordAsync(Guid accountId, int expectedVersion, string newPasswordHash, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var after = await connection.QuerySingleOrDefaultAsync<AccountRow>(new CommandDefinition(
                $"""
                update accounts set password_hash = @newPasswordHash, must_change_password = false, failed_attempts = 0,
                    locked_until = null, version = version + 1
                where account_id = @accountId and version = @expectedVersion and not disabled
                returning {AccountColumns}
                """, new { accountId, expectedVersion, newPasswordHash }, transaction, cancellationToken: ct))
                ?? throw new ConcurrencyConflictException("Your account changed since you signed in. Sign in again and try again.");
            await AuditAsync(connection, transaction, after.Email, "password changed", after.Email, "by the account holder", ct);
            return after.ToAccount();
        }, ct);

    /// <summary>Records a change the admin made through a service (the service keeps the data itself).</summary>
    public async Task AppendAuditAsync(string actor, string action, string subject, string detail, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "insert into audit_events (actor, action, subject, detail) values (@actor, @action, @subject, @detail)",
            new { actor, action, subject, detail }, cancellationToken: ct));
    }

    /// <summary>The latest changes, newest first, skipping the first <paramref name="offset"/> (one page of the trail).</summary>
    public async Task<IReadOnlyList<AuditEvent>> ListAuditAsync(int limit, int offset, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<AuditRow>(new CommandDefinition(
            """
            select audit_event_id as AuditEventId, occurred_at as OccurredAt, actor as Actor, action as Action,
                   subject as Subject, detail as Detail
            from audit_events order by occurred_at desc, audit_event_id desc limit @limit offset @offset
            """, new { limit, offset }, cancellationToken: ct));
        return rows.Select(r => new AuditEvent(r.AuditEventId, Utc(r.OccurredAt), r.Actor, r.Action, r.Subject, r.Detail)).ToList();
    }

    /// <summary>Adds an integrator, with its audit event.</summary>
    public Task<Integrator> CreateIntegratorAsync(Integrator integrator, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                insert into integrators (client_id, name, scopes, secret_hash, created_at, created_by)
                values (@ClientId, @Name, @Scopes, @SecretHash, @CreatedAt, @CreatedBy)
                """,
                new { integrator.ClientId, integrator.Name, Scopes = integrator.Scopes.ToArray(), integrator.SecretHash, CreatedAt = integrator.CreatedAt.UtcDateTime, integrator.CreatedBy },
                transaction, cancellationToken: ct));
            await AuditAsync(connection, transaction, integrator.CreatedBy, "integrator registered", integrator.ClientId,
                $"{integrator.Name}; scopes {string.Join(' ', integrator.Scopes)}", ct);
            return integrator;
        }, ct);

    /// <summary>Changes an active integrator's scopes (its secret stays), with its audit event; false when it is revoked.</summary>
    public Task<bool> ChangeIntegratorScopesAsync(string clientId, IReadOnlyList<string> scopes, string changedBy, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var before = await connection.QuerySingleOrDefaultAsync<string[]>(new CommandDefinition(
                "select scopes from integrators where client_id = @clientId for update", new { clientId }, transaction, cancellationToken: ct))
                ?? throw new NotFoundException("Integrator", clientId);
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                "update integrators set scopes = @scopes where client_id = @clientId and revoked_at is null",
                new { clientId, scopes = scopes.ToArray() }, transaction, cancellationToken: ct));
            if (changed > 0)
                await AuditAsync(connection, transaction, changedBy, "integrator scopes changed", clientId,
                    $"scopes {string.Join(' ', before)} -> {string.Join(' ', scopes)}", ct);
            return changed > 0;
        }, ct);

    public async Task<Integrator?> FindIntegratorAsync(string clientId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<IntegratorRow>(new CommandDefinition(
            $"select {IntegratorColumns} from integrators where client_id = @clientId", new { clientId }, cancellationToken: ct));
        return row?.ToIntegrator();
    }

    public async Task<IReadOnlyList<Integrator>> ListIntegratorsAsync(CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<IntegratorRow>(new CommandDefinition(
            $"select {IntegratorColumns} from integrators order by revoked_at nulls first, lower(name)", cancellationToken: ct));
        return rows.Select(r => r.ToIntegrator()).ToList();
    }

    /// <summary>Revokes an integrator (no more tokens); revoking twice changes nothing; an unknown one is not found.</summary>
    public Task<int> RevokeIntegratorAsync(string clientId, string revokedBy, CancellationToken ct) =>
        database.InTransactionAsync(async (connection, transaction) =>
        {
            var exists = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "select exists (select 1 from integrators where client_id = @clientId)", new { clientId }, transaction, cancellationToken: ct));
            if (!exists) throw new NotFoundException("Integrator", clientId);
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                "update integrators set revoked_at = now(), revoked_by = @revokedBy where client_id = @clientId and revoked_at is null",
                new { clientId, revokedBy }, transaction, cancellationToken: ct));
            if (changed > 0) await AuditAsync(connection, transaction, revokedBy, "integrator revoked", clientId, "", ct);
            return changed;
        }, ct);

    private const string IntegratorColumns = """
        client_id as ClientId, name as Name, scopes as Scopes, secret_hash as SecretHash, created_at as CreatedAt,
        created_by as CreatedBy, revoked_at as RevokedAt, revoked_by as RevokedBy
        """;

    // A class, not a positional record: Dapper matches constructors by the reader's field types, and a text[] column
    // reads as System.Array there; property setters take string[].
    private sealed class IntegratorRow
    {
        public string ClientId { get; init; } = "";
        public string Name { get; init; } = "";
        public string[] Scopes { get; init; } = [];
        public string SecretHash { get; init; } = "";
        public DateTime CreatedAt { get; init; }
        public string CreatedBy { get; init; } = "";
        public DateTime? RevokedAt { get; init; }
        public string? RevokedBy { get; init; }

        public Integrator ToIntegrator() => new(ClientId, Name, Scopes, SecretHash, Utc(CreatedAt), CreatedBy, RevokedAt is { } r ? Utc(r) : null, RevokedBy);
    }

    private static async Task<Account> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, NewAccount account, string passwordHash, string createdBy, CancellationToken ct)
    {
        try
        {
            var row = await connection.QuerySingleAsync<AccountRow>(new CommandDefinition(
                $"""
                insert into accounts (account_id, email, display_name, role, password_hash, created_by, must_change_password)
                values (@accountId, @email, @displayName, @role, @passwordHash, @createdBy, @mustChangePassword)
                returning {AccountColumns}
                """,
                new
                {
                    accountId = Guid.NewGuid(), email = account.Email.Trim(), displayName = account.DisplayName.Trim(), role = RoleNames.Code(account.Role),
                    passwordHash, createdBy, mustChangePassword = account.MustChangePassword,
                },
                transaction, cancellationToken: ct));
            return row.ToAccount();
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            throw new AlreadyExistsException($"An account with the email address {account.Email.Trim()} already exists");
        }
    }

    private static Task AuditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string actor, string action, string subject, string detail, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition(
            "insert into audit_events (actor, action, subject, detail) values (@actor, @action, @subject, @detail)",
            new { actor, action, subject, detail }, transaction, cancellationToken: ct));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private sealed record AccountRow(
        Guid AccountId, string Email, string DisplayName, string Role, string PasswordHash, int FailedAttempts,
        DateTime? LockedUntil, bool Disabled, DateTime CreatedAt, string CreatedBy, DateTime? LastSignedInAt, int Version,
        bool MustChangePassword)
    {
        public Account ToAccount() => new(
            AccountId, Email, DisplayName, RoleNames.Parse(Role), PasswordHash, FailedAttempts,
            LockedUntil is { } locked ? Utc(locked) : null, Disabled, Utc(CreatedAt), CreatedBy,
            LastSignedInAt is { } last ? Utc(last) : null, Version, MustChangePassword);
    }

    private sealed record AuditRow(long AuditEventId, DateTime OccurredAt, string Actor, string Action, string Subject, string Detail);
}
