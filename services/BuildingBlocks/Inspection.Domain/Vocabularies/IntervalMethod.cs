namespace Inspection.Domain.Vocabularies;

/// <summary>How a key question's design interval was computed (scoring.proto interval_method): Korn and Graubard's
/// interval from the stratified design the sample was drawn with, or Wilson's where that design is unknown (figures
/// transcribed from a published report). Its words: <c>WireWords.IntervalMethods</c> in Inspection.Contracts.</summary>
public enum IntervalMethod
{
    KornGraubard,
    Wilson,
}
