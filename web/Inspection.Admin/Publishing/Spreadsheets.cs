using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Inspection.Admin.Publishing;

/// <summary>One table of a download: stable column names (the README lists them), and rows of cells in that order.</summary>
public sealed record Table(string Name, IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

/// <summary>A column's meaning for a file's Key sheet.</summary>
public sealed record KeyEntry(string Table, string Column, string Meaning);

/// <summary>
/// Writes the exports: XLSX (MiniExcel) with a Key sheet first explaining every column, then one sheet per table;
/// CSV (CsvHelper) of one table, UTF-8 without a byte order mark, numbers with a full stop. Numbers stay numbers in
/// the XLSX; an empty cell is a figure that is not known (the Key says when).
/// </summary>
public static class Spreadsheets
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv";

    public static byte[] Xlsx(IEnumerable<(string Label, string Value)> about, IReadOnlyList<KeyEntry> key, params Table[] tables)
    {
        var sheets = new Dictionary<string, object>();
        var keyRows = about.Select(a => Row(("sheet", ""), ("column", a.Label), ("meaning", a.Value))).ToList();
        keyRows.AddRange(key.Select(k => Row(("sheet", k.Table), ("column", k.Column), ("meaning", k.Meaning))));
        sheets["Key"] = keyRows;
        foreach (var table in tables)
        {
            var rows = table.Rows.Select(r => (IDictionary<string, object?>)table.Columns.Select((c, i) => (c, r[i])).ToDictionary(x => x.c, x => x.Item2)).ToList();
            // MiniExcel writes the headings from the first row: an empty table still gets them.
            if (rows.Count == 0) rows.Add(table.Columns.ToDictionary(c => c, _ => (object?)null));
            sheets[table.Name] = rows;
        }
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, sheets);
        return stream.ToArray();
    }

    public static byte[] Csv(Table table, IEnumerable<(string Label, string Value)>? preamble = null)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var (label, value) in preamble ?? [])
            {
                csv.WriteField(label);
                csv.WriteField(value);
                csv.NextRecord();
            }
            foreach (var column in table.Columns) csv.WriteField(column);
            csv.NextRecord();
            foreach (var row in table.Rows)
            {
                foreach (var cell in row) csv.WriteField(Text(cell));
                csv.NextRecord();
            }
        }
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>A file name people can keep: the provider, the fieldwork month, what it is.</summary>
    public static string FileName(Inspection.Recommendations.V1.Inspection inspection, string what, string extension)
    {
        var provider = new string(inspection.ProviderName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());
        while (provider.Contains("--", StringComparison.Ordinal)) provider = provider.Replace("--", "-", StringComparison.Ordinal);
        var month = inspection.FieldworkStart.Length >= 7 ? "-" + inspection.FieldworkStart[..7] : "";
        return $"{provider.Trim('-')}{month}-{what}{extension}";
    }

    public static string Text(object? cell) => cell switch
    {
        null => "",
        bool b => b ? "true" : "false",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static IDictionary<string, object?> Row(params (string Column, object? Value)[] cells) => cells.ToDictionary(c => c.Column, c => c.Value);
}
