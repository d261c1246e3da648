namespace Inspection.Domain.Vocabularies;

/// <summary>Where a published rating's previous rating comes from in the national time series (opendata.proto
/// previous_basis). Its words: <c>WireWords.PreviousRatingBases</c> in Inspection.Contracts.</summary>
public enum PreviousRatingBasis
{
    SameProvider,
    Predecessor,
    SeveralPredecessors,
    NoCounterpart,
    NoEarlierInspection,
}
