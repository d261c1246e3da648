using Dapper;
using Inspection.Domain;
using Inspection.Testing;
using Npgsql;

namespace Inspection.Data.Tests;

/// <summary>
/// The request ledger against a real PostgreSQL: a retry gets the first answer and writes nothing, concurrent calls
/// with one id (on separate connections, really at once) write once, a reused id is ALREADY_EXISTS, and a failed write
/// leaves no claim behind.
/// </summary>
public sealed class RequestLedgerTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private NpgsqlDataSource _dataSource = null!;
    private RequestLedger _ledger = null!;
    private int _writes;

    public async Task InitializeAsync()
    {
        // Room for every concurrent call's connection at once: the test is that they really overlap.
        _dataSource = NpgsqlDataSource.Create(await PostgresServer.Shared.CreateDatabaseAsync("ledger") + ";Maximum Pool Size=40");
        await Migrator.ApplyAsync(_dataSource, [new Migration("0001_notes", "create table notes (note_id bigint generated always as identity primary key, text text not null)")], Ct);
        _ledger = new RequestLedger(new Database(_dataSource));
    }

    public Task DisposeAsync() => _dataSource.DisposeAsync().AsTask();

    public sealed record AddNote(string Text);

    public sealed record NoteReference(long NoteId);

    public sealed record Note(long NoteId, string Text);

    private LedgerAnswer<Note, NoteReference> Notes => new(note => new NoteReference(note.NoteId), ReadNoteAsync);

    private async Task<Note> ReadNoteAsync(NoteReference reference, CancellationToken ct)
    {
        await using var c = await _dataSource.OpenConnectionAsync(ct);
        return await c.QuerySingleAsync<Note>("select note_id as noteid, text from notes where note_id = @NoteId", reference);
    }

    /// <summary>The write: one row, slowed inside its transaction so that concurrent calls overlap it.</summary>
    private async Task<Note> WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, AddNote command, double sleepSeconds = 0)
    {
        Interlocked.Increment(ref _writes);
        var id = await c.ExecuteScalarAsync<long>("insert into notes (text) values (@Text) returning note_id", command, tx);
        if (sleepSeconds > 0) await c.ExecuteAsync("select pg_sleep(@sleepSeconds)", new { sleepSeconds }, tx);
        return new Note(id, command.Text);
    }

    private Task<Note> AddAsync(string? requestId, AddNote command, double sleepSeconds = 0) =>
        _ledger.OnceAsync(RequestKey.Optional(requestId, command), Notes, (c, tx) => WriteAsync(c, tx, command, sleepSeconds), Ct);

    private async Task<long> CountAsync(string table)
    {
        await using var c = await _dataSource.OpenConnectionAsync();
        return await c.ExecuteScalarAsync<long>($"select count(*) from {table}");
    }

    [Fact]
    public async Task A_retry_gets_the_first_answer_and_writes_nothing()
    {
        var command = new AddNote("first");

        var first = await AddAsync("r-1", command);
        var retried = await AddAsync("r-1", command);

        Assert.Equal(first, retried);
        Assert.Equal(1, _writes);
        Assert.Equal(1, await CountAsync("notes"));
        Assert.Equal(1, await CountAsync("request_ledger"));
    }

    [Fact]
    public async Task Concurrent_calls_with_one_id_write_once_and_all_get_the_first_answer()
    {
        var command = new AddNote("at once");
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, 12).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await AddAsync("r-concurrent", command, sleepSeconds: 0.2);
        })).ToList();

        start.Set();
        var answers = await Task.WhenAll(calls);

        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        Assert.Equal(1, _writes);
        Assert.Equal(1, await CountAsync("notes"));
    }

    [Fact]
    public async Task Concurrent_calls_that_decide_first_write_once()
    {
        var command = new AddNote("decided");
        var decisions = 0;
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            return await _ledger.OnceAsync(RequestKey.For("r-decided", command), Notes,
                async ct =>
                {
                    Interlocked.Increment(ref decisions);
                    await Task.Delay(50, ct);
                    return new Note(42, command.Text);
                },
                async (decided, c, tx) =>
                {
                    Interlocked.Increment(ref _writes);
                    await c.ExecuteAsync("insert into notes (note_id, text) overriding system value values (42, @Text)", decided, tx);
                    await c.ExecuteAsync("select pg_sleep(0.2)", transaction: tx);
                }, Ct);
        })).ToList();

        start.Set();
        var answers = await Task.WhenAll(calls);

        Assert.Equal(1, _writes);
        Assert.Equal(1, await CountAsync("notes"));
        Assert.True(decisions >= 1);
        // The caller that wrote answers with what it decided; the others read the first answer back from its reference.
        Assert.All(answers, answer => Assert.Equal(command.Text, answer.Text));
    }

    [Fact]
    public async Task A_concurrent_call_whose_decision_the_first_write_made_stale_gets_the_first_answer()
    {
        // Like a withdrawal at expected version 1 retried at once: the copy that decides after the first one committed
        // finds version 2 and would be refused as stale, though it is the same request.
        var command = new AddNote("expects none yet");
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await _ledger.OnceAsync(RequestKey.For("r-stale", command), Notes,
                async ct =>
                {
                    await Task.Delay(i * 100, ct);
                    if (await CountAsync("notes") > 0) throw new ConcurrencyConflictException("a note exists already: read again");
                    return new Note(7, command.Text);
                },
                async (decided, c, tx) =>
                {
                    Interlocked.Increment(ref _writes);
                    await c.ExecuteAsync("insert into notes (note_id, text) overriding system value values (@NoteId, @Text)", decided, tx);
                    await c.ExecuteAsync("select pg_sleep(0.15)", transaction: tx);
                }, Ct);
        })).ToList();

        start.Set();
        var answers = await Task.WhenAll(calls);

        Assert.All(answers, answer => Assert.Equal(new Note(7, command.Text), answer));
        Assert.Equal(1, _writes);
    }

    [Fact]
    public async Task A_decision_refused_for_its_own_reasons_is_refused()
    {
        await Assert.ThrowsAsync<ValidationException>(() => _ledger.OnceAsync(RequestKey.For("r-invalid", new AddNote("")), Notes,
            _ => throw new ValidationException("text", "is required"),
            (_, _, _) => Task.CompletedTask, Ct));
        Assert.Equal(0, await CountAsync("request_ledger"));
    }

    [Fact]
    public async Task A_retry_of_a_decided_write_is_answered_without_deciding_again()
    {
        var command = new AddNote("once");
        var decisions = 0;
        Task<Note> Call() => _ledger.OnceAsync(RequestKey.For("r-decide-once", command), Notes,
            _ => Task.FromResult(new Note(Interlocked.Increment(ref decisions) + 100, command.Text)),
            (decided, c, tx) => c.ExecuteAsync("insert into notes (note_id, text) overriding system value values (@NoteId, @Text)", decided, tx),
            Ct);

        var first = await Call();
        var retried = await Call();

        Assert.Equal(first, retried);
        Assert.Equal(1, decisions);   // an unreachable upstream service asked while deciding could not fail the retry
    }

    [Fact]
    public async Task The_same_id_with_a_different_request_is_already_exists()
    {
        await AddAsync("r-reused", new AddNote("one"));

        var content = await Assert.ThrowsAsync<AlreadyExistsException>(() => AddAsync("r-reused", new AddNote("two")));
        var operation = await Assert.ThrowsAsync<AlreadyExistsException>(() => _ledger.OnceAsync(
            RequestKey.For("r-reused", new NoteReference(1)), Notes, (c, tx) => WriteAsync(c, tx, new AddNote("other")), Ct));

        Assert.Contains("'r-reused' was already used for a different request (AddNote)", content.Message);
        Assert.Contains("(AddNote)", operation.Message);
        Assert.Equal(1, await CountAsync("notes"));
    }

    [Fact]
    public async Task Concurrent_different_requests_with_one_id_write_one_and_refuse_the_rest()
    {
        using var start = new ManualResetEventSlim();
        var calls = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                return (object)await AddAsync("r-contested", new AddNote($"content {i}"), sleepSeconds: 0.1);
            }
            catch (AlreadyExistsException e)
            {
                return e;
            }
        })).ToList();

        start.Set();
        var outcomes = await Task.WhenAll(calls);

        Assert.Single(outcomes.OfType<Note>());
        Assert.Equal(5, outcomes.OfType<AlreadyExistsException>().Count());
        Assert.Equal(1, await CountAsync("notes"));
    }

    [Fact]
    public async Task A_failed_write_leaves_no_claim_so_its_retry_writes()
    {
        var command = new AddNote("after a failure");
        await Assert.ThrowsAsync<InvalidOperationException>(() => _ledger.OnceAsync(RequestKey.For("r-failed", command), Notes, async (c, tx) =>
        {
            await WriteAsync(c, tx, command);
            throw new InvalidOperationException("the second half of the write failed");
        }, Ct));
        Assert.Equal(0, await CountAsync("notes"));
        Assert.Equal(0, await CountAsync("request_ledger"));

        var retried = await AddAsync("r-failed", command);

        Assert.Equal(command.Text, retried.Text);
        Assert.Equal(1, await CountAsync("notes"));
    }

    [Fact]
    public async Task An_id_recorded_by_another_transaction_after_the_claim_gives_that_first_answer()
    {
        // A writer that did not wait for the claim (or a transaction whose snapshot is older than the first commit):
        // the unique request id still decides, this write rolls back and the recorded answer stands.
        var command = new AddNote("raced");
        var recorded = await AddAsync("r-other", command);

        var answer = await _ledger.OnceAsync(RequestKey.For("r-raced", command), Notes, async (c, tx) =>
        {
            var note = await WriteAsync(c, tx, command);
            await using var other = await _dataSource.OpenConnectionAsync();
            await other.ExecuteAsync(
                "insert into request_ledger (request_id, operation, fingerprint, result) values ('r-raced', @Operation, @Fingerprint, @Result::jsonb)",
                new { Operation = nameof(AddNote), Fingerprint = RequestKey.FingerprintOf(command), Result = $"{{\"note_id\": {recorded.NoteId}}}" });
            return note;
        }, Ct);

        Assert.Equal(recorded, answer);
        Assert.Equal(1, await CountAsync("notes"));   // the raced write was rolled back
    }

    [Fact]
    public async Task A_write_without_a_request_id_is_carried_out_every_time()
    {
        var command = new AddNote("no id");

        await AddAsync(null, command);
        await AddAsync("  ", command);

        Assert.Equal(2, await CountAsync("notes"));
        Assert.Equal(0, await CountAsync("request_ledger"));
    }

    [Theory]
    [InlineData(null, "is required: a retry with the same id returns the first result")]
    [InlineData("", "is required: a retry with the same id returns the first result")]
    [InlineData("201", "is longer than 200 characters")]
    public void A_write_that_must_carry_a_request_id_names_the_field(string? requestId, string description)
    {
        var id = requestId == "201" ? new string('r', 201) : requestId;
        var e = Assert.Throws<ValidationException>(() => RequestKey.For(id, new AddNote("x")));
        Assert.Equal(("request_id", description), (e.Violations.Single().Field, e.Violations.Single().Description));
    }

    [Fact]
    public async Task An_answer_kept_whole_comes_back_whole()
    {
        var command = new AddNote("kept whole");
        Task<Note> Call() => _ledger.OnceAsync(RequestKey.For("r-whole", command), LedgerAnswer.Itself<Note>(), (c, tx) => WriteAsync(c, tx, command), Ct);

        var first = await Call();
        var retried = await Call();

        Assert.Equal(first, retried);
        Assert.Equal(1, _writes);
        await using var c = await _dataSource.OpenConnectionAsync();
        Assert.Equal($"{{\"text\": \"kept whole\", \"note_id\": {first.NoteId}}}",
            await c.ExecuteScalarAsync<string>("select result::text from request_ledger where request_id = 'r-whole'"));
    }

    [Fact]
    public void The_fingerprint_is_the_SHA_256_of_the_command_as_JSON()
    {
        // The evidence service stored this form before the ledger; its entries stay answerable because it is unchanged.
        var expected = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("{\"Text\":\"x\"}"u8.ToArray()));
        Assert.Equal(expected, RequestKey.FingerprintOf(new AddNote("x")));
        Assert.NotEqual(expected, RequestKey.FingerprintOf(new AddNote(" x")));
    }
}
