namespace Inspection.Evidence.Domain.Characteristics;

public sealed record CaseCharacteristicsInput(bool ComputeFromSample, IReadOnlyList<EnteredCharacteristic> Entered, string? RecordedBy);
