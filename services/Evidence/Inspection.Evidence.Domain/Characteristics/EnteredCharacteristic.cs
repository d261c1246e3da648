namespace Inspection.Evidence.Domain.Characteristics;

/// <summary>A figure of the table entered by hand (one the sample does not carry).</summary>
public sealed record EnteredCharacteristic(string? Characteristic, double Value);
