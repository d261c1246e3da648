using Inspection.Contracts.Vocabularies;
using Inspection.Evidence.Domain.Items;
using Inspection.Evidence.Domain.Judgements;
using Inspection.Evidence.Domain.Surveys;
using Inspection.Sampling.Domain;
using Xunit;

namespace Inspection.Evidence.Tests.Vocabularies;

/// <summary>
/// Evidence and sampling keep the words they store as strings in their domains (sampling's columns share one instance of
/// each word across a million cases); these lists must be the contract's words, in the contract's order.
/// </summary>
public sealed class DomainWordListTests
{
    [Fact]
    public void Evidence_stores_the_contracts_words() =>
        Assert.Equal(
            [WireWords.EvidenceSources.Words, WireWords.Findings.Words, WireWords.Surveys.Words, WireWords.JudgementStates.Words],
            [EvidenceSource.All, Finding.All, Survey.All, [JudgementState.Draft, JudgementState.Final]]);

    [Fact]
    public void Sampling_stores_the_contracts_words() =>
        Assert.Equal(
            [WireWords.SentenceTypes.Words, WireWords.Genders.Words, WireWords.EthnicGroups.Words, WireWords.RoshLevels.Words, WireWords.CourtReportTypes.Words,
             WireWords.FlagValues.Words, WireWords.SamplingAttributes.Words],
            [CaseVocabulary.SentenceTypes, CaseVocabulary.Genders, CaseVocabulary.EthnicGroups, CaseVocabulary.RoshLevels, CaseVocabulary.CourtReportTypes,
             CaseVocabulary.Flags, CaseAttribute.All.Select(a => a.Name).ToList()]);
}
