namespace Inspection.Domain.Vocabularies;

/// <summary>Why a version of an inspection's published figures was stored (scoring.proto kind). Its words: <c>WireWords.FiguresVersionKinds</c> in Inspection.Contracts.</summary>
public enum FiguresVersionKind
{
    Publication,
    Correction,
    Backfill,
}
