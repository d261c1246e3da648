namespace Inspection.Recommendations.Domain.Providers;

/// <summary>A restructure to record: the successor provider was formed, on a date, from (parts of) its predecessors.</summary>
public sealed record NewRestructure(Guid SuccessorId, DateOnly EffectiveOn, IReadOnlyList<PredecessorPart> Predecessors, string Note, string RecordedBy)
{
    public static NewRestructure Create(
        string? providerId, string? effectiveOn, IReadOnlyList<(string? ProviderId, string? Note)> predecessors, string? note, string? recordedBy)
    {
        var violations = new List<FieldViolation>();
        var successor = Identifier.ParseRequired(providerId, "provider_id", violations);
        var date = CalendarDate.Required(violations, "effective_on", effectiveOn);
        if (predecessors.Count == 0) violations.Add(new FieldViolation("predecessors", "required: at least one predecessor"));
        var parts = new List<PredecessorPart>();
        for (var i = 0; i < predecessors.Count; i++)
        {
            var field = $"predecessors[{i}].provider_id";
            var id = Identifier.ParseRequired(predecessors[i].ProviderId, field, violations);
            var partNote = RequestText.Optional(predecessors[i].Note, $"predecessors[{i}].note", 1000, violations);
            if (id == Guid.Empty) continue;
            if (id == successor)
                violations.Add(new FieldViolation(field, "a provider cannot be its own predecessor (it would become its own ancestor)"));
            else if (parts.Any(p => p.ProviderId == id))
                violations.Add(new FieldViolation(field, "listed twice"));
            else
                parts.Add(new PredecessorPart(id, partNote));
        }
        var validNote = RequestText.Optional(note, "note", 2000, violations);
        var by = RequestText.Required(recordedBy, "recorded_by", 200, violations);
        ValidationException.ThrowIfAny(violations);
        return new NewRestructure(successor, date!.Value, parts, validNote, by);
    }
}
