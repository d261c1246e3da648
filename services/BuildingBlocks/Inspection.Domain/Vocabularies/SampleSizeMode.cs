namespace Inspection.Domain.Vocabularies;

/// <summary>Whether a sample's size was calculated or fixed (sampling.proto SampleSize.mode). Its words: <c>WireWords.SampleSizeModes</c> in Inspection.Contracts.</summary>
public enum SampleSizeMode
{
    Calculated,
    Fixed,
}
