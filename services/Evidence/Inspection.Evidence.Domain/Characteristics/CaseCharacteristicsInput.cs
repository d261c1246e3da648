namespace Inspection.Evidence.Domain;

public sealed record CaseCharacteristicsInput(bool ComputeFromSample, IReadOnlyList<EnteredCharacteristic> Entered, string? RecordedBy);
