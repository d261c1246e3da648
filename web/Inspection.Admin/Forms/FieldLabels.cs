using System.Text.RegularExpressions;
using Inspection.Admin.Presentation;

namespace Inspection.Admin.Forms;

/// <summary>
/// The one place the admin turns a service's field path ("fieldwork_end", "eligibility.windows[1].last_day",
/// "figures.total_staff_fte") into the words its forms label that field with, and a service's terse violation
/// ("before fieldwork_start") into a GOV.UK error message ("Fieldwork end must be on or after fieldwork start").
/// A path not listed is read from its last part ("lead_inspector" as "Lead inspector"), so a proto field name never
/// reaches the page.
/// </summary>
public static partial class FieldLabels
{
    // Keys are proto paths with every index written "[]"; "{0}" in a label is the first index counted from 1.
    private static readonly Dictionary<string, string> Labels = new(StringComparer.Ordinal)
    {
        // Providers and inspections (recommendation tracking)
        ["name"] = "Name", ["type"] = "Type", ["region"] = "Region", ["active_from"] = "Active from", ["active_to"] = "Active to",
        ["provider_id"] = "Provider", ["framework_id"] = "Framework", ["fieldwork_start"] = "Fieldwork start",
        ["fieldwork_end"] = "Fieldwork end", ["lead_inspector"] = "Lead inspector", ["published_on"] = "Publication date",
        ["judgement"] = "Judgement", ["findings"] = "Findings", ["repeated_from_previous_inspection"] = "Repeated from the previous inspection",
        ["recommendations[].text"] = "Recommendation {0}", ["recommendations[].addressee_group"] = "Recommendation {0} addressee",
        ["recommendations[].addressee_provider_id"] = "Recommendation {0} addressee",
        ["correction_reason"] = "Reason for the correction",
        // Case sampling
        ["taken_on"] = "Date the caseload was taken", ["description"] = "Description", ["snapshot_id"] = "Caseload snapshot",
        ["eligibility.windows"] = "Eligibility window", ["eligibility.windows[].first_day"] = "Window {0} first day",
        ["eligibility.windows[].last_day"] = "Window {0} last day", ["eligibility.sentence_types"] = "Sentence types",
        ["fixed_size"] = "Number of cases", ["calculated_size.confidence_level"] = "Confidence level",
        ["calculated_size.margin_of_error"] = "Margin of error", ["calculated_size.expected_proportion"] = "Expected proportion",
        ["confidence_level"] = "Confidence level", ["margin_of_error"] = "Margin of error", ["population_size"] = "Eligible population",
        ["stratify_by"] = "Strata", ["quotas[].attribute"] = "Quota {0}", ["quotas[].values"] = "Quota {0} values",
        ["quotas[].minimum"] = "Quota {0} minimum", ["fixed_split.attribute"] = "Fixed split", ["fixed_split.groups"] = "Fixed split groups",
        ["fixed_split.groups[].name"] = "Group {0} name", ["fixed_split.groups[].values"] = "Group {0} values",
        ["fixed_split.groups[].weight"] = "Group {0} weight", ["seed"] = "Seed", ["reserves_per_stratum"] = "Reserves per stratum",
        ["reason"] = "Reason", ["case_reference"] = "Case", ["assessments_set_aside"] = "Assessments set aside",
        // Case attributes, as they are named inside a violation ("no case of the snapshot has rosh_level 'high'")
        ["rosh_level"] = "Risk of serious harm level", ["ethnic_group"] = "Ethnic group", ["sentence_type"] = "Sentence type",
        ["court_report_type"] = "Court report type", ["allocated_office"] = "Allocated office",
        ["prolific_priority_offender"] = "Prolific and priority offender", ["statutory_victim_contact"] = "Statutory victim contact",
        ["approved_premises_resident"] = "Approved premises resident",
        // Organisational evidence
        ["standard_id"] = "Standard", ["key_question_id"] = "Key question", ["source"] = "Source", ["evidence_date"] = "Date",
        ["summary"] = "What the evidence shows", ["finding"] = "Finding", ["case_references"] = "Sampled case references",
        ["case_references[]"] = "Sampled case reference {0}", ["as_at"] = "Date the figures relate to", ["figures"] = "Staffing figures",
        ["survey"] = "Survey", ["question"] = "Question", ["respondents"] = "Respondents", ["agreeing"] = "Respondents agreeing",
        ["rating"] = "Rating", ["rationale"] = "Rationale", ["panel_departure"] = "Panel departure", ["agreed_by"] = "Agreed by",
        ["state"] = "Draft or final", ["entered"] = "Characteristics",
        // Action plans (recommendation tracking), as the plan template's columns name them
        ["response"] = "Response", ["responded_on"] = "Responded on", ["owner_role"] = "Owner role", ["owner_name"] = "Owner name",
        ["target_date"] = "Target date", ["status"] = "Status", ["status_reason"] = "Status reason", ["action_number"] = "Action number",
        ["recommendation_number"] = "Recommendation number", ["date_change_reason"] = "Date change reason",
    };

    static FieldLabels()
    {
        foreach (var (field, label, _) in StaffingReturnFields.All) Labels[$"figures.{field}"] = label;
    }

    /// <summary>The label of a proto field path as the forms show it.</summary>
    public static string For(string fieldPath)
    {
        if (string.IsNullOrWhiteSpace(fieldPath)) return "";
        var indices = Index().Matches(fieldPath).Select(m => int.Parse(m.Groups[1].Value) + 1).ToArray();
        var pattern = Index().Replace(fieldPath, "[]");
        // The whole path, then shorter and shorter tails of it ("calculated_size.margin_of_error", "margin_of_error").
        for (var tail = pattern; tail.Length > 0;)
        {
            // "quotas[].values[]" (one value of a list) reads as its list, "quotas[].values".
            if (Labels.TryGetValue(tail, out var label) || tail.EndsWith("[]", StringComparison.Ordinal) && Labels.TryGetValue(tail[..^2], out label))
                return indices.Length > 0 && label.Contains("{0}") ? string.Format(label, indices[0]) : label;
            var dot = tail.IndexOf('.');
            if (dot < 0) break;
            tail = tail[(dot + 1)..];
        }
        var last = pattern.Split('.').Last().Replace("[]", "");
        var words = last.Replace('_', ' ').Trim();
        return words.Length == 0 ? "This field" : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>
    /// A service's violation of one field as a GOV.UK error message naming the field as the page labels it: the
    /// common shapes are reworded ("required", "before x", "is not a date...", "must...", "at most n characters"),
    /// any field name inside it becomes its label, and format notes meant for programmers (yyyy-MM-dd, "meaning 5")
    /// are dropped.
    /// </summary>
    public static string Message(string fieldPath, string description)
    {
        var label = For(fieldPath);
        var text = Clean(description);
        if (label.Length == 0 || WrittenForPeople().IsMatch(text)) return Sentence(text);
        var lower = Lower(label);
        // A closed vocabulary's refusal ("'Maybe' is not a response (expected one of Agreed, Partly agreed, Not agreed)").
        if (NotOneOf().Match(text) is { Success: true } notOneOf)
        {
            var words = notOneOf.Groups[1].Value.Split(", ");
            return words.Length == 1 ? $"{label} must be {words[0]}" : $"{label} must be {string.Join(", ", words[..^1])} or {words[^1]}";
        }

        // "required: the owner's role or name": the service says what to give, in words already.
        if (text.StartsWith("required: the ", StringComparison.Ordinal)) return $"Enter {text["required: ".Length..]}";
        if (text.Length == 0 || text is "required" or "is required" or "is empty" || text.StartsWith("required:", StringComparison.Ordinal)
            || text.StartsWith("is required", StringComparison.Ordinal) || text.StartsWith("required ", StringComparison.Ordinal) && !text.StartsWith("required when", StringComparison.Ordinal) && !text.StartsWith("required for", StringComparison.Ordinal))
            return $"Enter {lower}";
        if (text.StartsWith("required for ", StringComparison.Ordinal))
            return $"Enter {lower} {text["required ".Length..]}";
        if (text.StartsWith("required when ", StringComparison.Ordinal))
            return $"Enter {lower} when {text["required when ".Length..].Replace(" is given", " is entered")}";
        if (text.StartsWith("must ", StringComparison.Ordinal) || text.StartsWith("cannot ", StringComparison.Ordinal))
            return $"{label} {text}";
        if (Before().Match(text) is { Success: true } before)
        {
            var earlier = before.Groups[1].Value.StartsWith("first day", StringComparison.Ordinal) && fieldPath.EndsWith("last_day", StringComparison.Ordinal)
                ? For(fieldPath[..^"last_day".Length] + "first_day")
                : before.Groups[1].Value;
            return $"{label} must be on or after {Lower(earlier)}";
        }
        if (text.Contains("is not a date", StringComparison.Ordinal))
            return $"{label} must be a real date";
        if (Length().Match(text) is { Success: true } length)
            return $"{label} must be {length.Groups[1].Value} characters or fewer";
        if (text.StartsWith("between ", StringComparison.Ordinal) || text.StartsWith("from ", StringComparison.Ordinal))
            return $"{label} must be {text}";
        // Already a sentence about the thing ("a panel departure needs the name of who agreed it"), or naming the field.
        if (text.Contains(lower, StringComparison.OrdinalIgnoreCase) || Article().IsMatch(text)) return Sentence(text);
        return $"{label}: {text}";
    }

    /// <summary>
    /// A service's message about no one field in people's words: field and attribute names as labels ("rosh_level" as
    /// "risk of serious harm level"), a record's internal id as what it is ("Inspection 01a2…" as "the inspection"),
    /// the instructions meant for programmers ("give correction_reason", "read it again") as what staff do, and a
    /// request id used twice as the form having been sent already.
    /// </summary>
    public static string Words(string message)
    {
        if (RequestReplay().IsMatch(message))
            return "This form was already sent with other details, so nothing was saved. Open the page again and start from there.";
        var text = Correction().Replace(message, "give the reason for the correction");
        text = ReadAgain().Replace(text, "open the page again to see the latest details");
        text = Record().Replace(text, m => "the " + RecordNames[m.Groups[1].Value.ToLowerInvariant()]);
        text = Uuid().Replace(text, "");
        return Sentence(Clean(text)) + (message.TrimEnd().EndsWith('.') ? "." : "");
    }

    private static readonly Dictionary<string, string> RecordNames = new(StringComparer.Ordinal)
    {
        ["inspection"] = "inspection", ["evidence"] = "evidence", ["snapshot"] = "caseload snapshot", ["sample"] = "sample",
        ["recommendation"] = "recommendation", ["provider"] = "provider", ["judgement"] = "judgement",
    };

    private static string Clean(string description)
    {
        var text = description.Trim();
        text = Format().Replace(text, "");
        text = Meaning().Replace(text, "");
        text = Given().Replace(text, "");
        // "a provider of type pdu" as "a probation delivery unit": the type's name, not its code.
        text = ProviderType().Replace(text, m => "a " + Lower(ProviderTypes.NameOf(m.Groups[1].Value)));
        // A field named inside the message ("before fieldwork_start") reads as its label.
        text = Snake().Replace(text, m => Labels.ContainsKey(m.Value) ? Lower(For(m.Value)) : m.Value.Replace('_', ' '));
        // A date the service names ("on or after fieldwork start 2023-03-06") reads as GOV.UK writes it.
        text = Presentation.DisplayDate.InText(text);
        return Regex.Replace(text, @"\s{2,}", " ").Trim().TrimEnd('.');
    }

    private static string Lower(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && !char.IsUpper(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^\s*(?:Request(?: id)?|request_id) '[^']*' (?:was already used|already |was recorded concurrently)")]
    private static partial Regex RequestReplay();

    [GeneratedRegex(@"give correction_reason(?: \([^)]*\))?")]
    private static partial Regex Correction();

    [GeneratedRegex(@"read it again(?: before changing it)?(?: and (?:retry|try again))?")]
    private static partial Regex ReadAgain();

    [GeneratedRegex(@"\b(inspection|evidence|snapshot|sample|recommendation|provider|judgement) '?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'?", RegexOptions.IgnoreCase)]
    private static partial Regex Record();

    [GeneratedRegex(@"\s*'?\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b'?", RegexOptions.IgnoreCase)]
    private static partial Regex Uuid();

    [GeneratedRegex(@"\ba provider of type ([a-z_]+)\b")]
    private static partial Regex ProviderType();

    [GeneratedRegex(@"^(a|an|the|who|why|at least|only|no) ")]
    private static partial Regex Article();

    // A service's refusal already written as a sentence naming what it is about ("The publication date cannot be after
    // today (7 December 2026)", "Recommendations to the region come after those to the provider").
    [GeneratedRegex(@"^(?:The|Recommendations) ")]
    private static partial Regex WrittenForPeople();

    [GeneratedRegex(@"^'.*' is not .+ \(expected one of (.+)\)$")]
    private static partial Regex NotOneOf();

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex Index();

    [GeneratedRegex(@"\s*\(?\s*(in|of)? ?(the )?(form )?yyyy-MM-dd\s*\)?", RegexOptions.IgnoreCase)]
    private static partial Regex Format();

    [GeneratedRegex(@"\s*\(meaning [^)]*\)")]
    private static partial Regex Meaning();

    [GeneratedRegex(@"\s*\([^)]* was given\)")]
    private static partial Regex Given();

    [GeneratedRegex(@"\b[a-z]+(?:_[a-z0-9]+)+\b")]
    private static partial Regex Snake();

    [GeneratedRegex(@"^(?:.* )?(?:is )?before (?:the )?(.+)$")]
    private static partial Regex Before();

    [GeneratedRegex(@"(?:at most|longer than|is longer than) (\d[\d,]*) characters")]
    private static partial Regex Length();
}
