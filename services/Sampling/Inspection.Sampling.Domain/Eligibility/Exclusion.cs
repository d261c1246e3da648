namespace Inspection.Sampling.Domain.Eligibility;

/// <summary>Why a case of the snapshot was not eligible: a category (counted per sample) and the case's detail.</summary>
public sealed record Exclusion(string Category, string Detail)
{
    public const string OutsideWindows = "start date outside the eligibility windows";
    public const string SentenceTypeNotChosen = "sentence type not chosen";
    public const string NotInSplit = "in no group of the fixed split";

    public override string ToString() => $"{Category}: {Detail}";
}
