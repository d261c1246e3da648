namespace Inspection.Sampling.Domain.Population;

/// <summary>
/// A batch of case rows, checked: its good rows (with their index in the batch) and every problem found, by row. The
/// store adds the rows that conflict with cases already stored, and <see cref="ThrowIfAny"/> refuses the batch with all
/// of them together, in row order, so one answer tells the caller every row to correct.
/// </summary>
public sealed class BatchCheck
{
    /// <summary>
    /// At most this many problems are listed, as many as any status carries (StatusBounds): past it, the last place
    /// says how many more rows have problems, so the caller knows the list stopped.
    /// </summary>
    public const int MaxListed = 20;

    public BatchCheck(IReadOnlyList<CaseRecord> records, IReadOnlyList<int> indexes, IReadOnlyList<(int Index, FieldViolation Violation)> problems, long firstRowNumber)
    {
        Records = records;
        Indexes = indexes;
        Problems = problems;
        FirstRowNumber = firstRowNumber;
    }

    /// <summary>Rows already checked (a file's, read whole): nothing wrong with any of them.</summary>
    public static BatchCheck Valid(IReadOnlyList<CaseRecord> records) => new(records, [.. Enumerable.Range(0, records.Count)], [], 0);

    /// <summary>The good rows, in batch order.</summary>
    public IReadOnlyList<CaseRecord> Records { get; }

    /// <summary>The index in the batch (cases[i]) of each good row.</summary>
    public IReadOnlyList<int> Indexes { get; }

    /// <summary>What is wrong with the bad rows, each with its index in the batch.</summary>
    public IReadOnlyList<(int Index, FieldViolation Violation)> Problems { get; }

    /// <summary>The file row number of cases[0] (0 when not known).</summary>
    public long FirstRowNumber { get; }

    /// <summary>"row N: " for the row at this index, or nothing when the file's row numbers are not known.</summary>
    public string RowLabel(int index) => FirstRowNumber > 0 ? $"row {FirstRowNumber + index}: " : "";

    /// <summary>
    /// Refuses the batch when any row is bad, the batch's own problems and <paramref name="more"/> (rows conflicting
    /// with stored cases) together: at most <see cref="MaxListed"/> listed, in row order, the last saying how many
    /// more rows were not listed.
    /// </summary>
    public void ThrowIfAny(IEnumerable<(int Index, FieldViolation Violation)> more)
    {
        var all = Problems.Concat(more).OrderBy(p => p.Index).ToList();   // stable: a row's problems keep their order
        if (all.Count == 0) return;
        var badRows = all.Select(p => p.Index).Distinct().Count();
        if (all.Count <= MaxListed) throw new ValidationException(all.Select(p => p.Violation).ToList());

        var listed = all.Take(MaxListed - 1).ToList();
        var listedRows = listed.Select(p => p.Index).ToHashSet();
        var moreRows = badRows - listedRows.Count;
        var rest = all.Skip(listed.Count).ToList();
        var firstUnlisted = rest.FirstOrDefault(p => !listedRows.Contains(p.Index));
        var cut = moreRows > 0
            ? $"and {moreRows} more {(moreRows == 1 ? "row" : "rows")} with problems, not listed, from {Describe(firstUnlisted.Index)} on"
              + (rest.Count > moreRows ? $" ({rest.Count} problems in all not listed)" : "")
            : $"and {rest.Count} more problems of the rows listed, not listed";
        var violations = listed.Select(p => p.Violation).Append(new FieldViolation("cases", cut)).ToList();
        throw new ValidationException(
            $"{badRows} rows of the batch have problems; the first {listedRows.Count} are listed ({MaxListed} places at most), {cut}",
            violations);
    }

    private string Describe(int index) => FirstRowNumber > 0 ? $"row {FirstRowNumber + index}" : $"cases[{index}]";
}
