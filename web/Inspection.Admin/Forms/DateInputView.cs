namespace Inspection.Admin.Forms;

/// <summary>What the _DateInput partial draws: the model key ("Input.FieldworkStart"), its legend, hint and value.</summary>
public sealed record DateInputView(string Key, string Legend, DateParts Value, string? Hint = null, bool BoldLegend = false);
