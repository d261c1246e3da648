using Inspection.Scoring.Domain.Comparisons;

namespace Inspection.Scoring.Tests.Domain;

/// <summary>
/// The mapping between programmes (key-question-correspondences.json): it loads, every id it names exists in its
/// framework, it pairs only key questions the frameworks word the same, and it is read in either direction.
/// </summary>
public sealed class KeyQuestionCorrespondenceTests
{
    private static readonly KeyQuestionCorrespondences Mapping = KeyQuestionCorrespondences.Load();

    [Fact]
    public void The_mapping_loads_and_every_id_it_names_is_a_key_question_of_its_framework()
    {
        Assert.NotEmpty(Mapping.All);
        foreach (var programmes in Mapping.All)
        {
            var from = Frameworks.Catalog.Get(programmes.From);
            var to = Frameworks.Catalog.Get(programmes.To);
            Assert.NotEmpty(programmes.Pairs);
            foreach (var pair in programmes.Pairs)
            {
                Assert.True(from.FindKeyQuestion(pair.From) is not null, $"{pair.From} is not a key question of {from.Id}");
                Assert.True(to.FindKeyQuestion(pair.To) is not null, $"{pair.To} is not a key question of {to.Id}");
                Assert.False(string.IsNullOrWhiteSpace(pair.Why), $"{pair.From} to {pair.To} says not why");
            }
            foreach (var unmatched in programmes.Unmatched)
            {
                Assert.True(from.FindKeyQuestion(unmatched.From) is not null, $"{unmatched.From} is not a key question of {from.Id}");
                Assert.DoesNotContain(programmes.Pairs, p => p.From == unmatched.From);
            }
            // Each key question is paired at most once on either side.
            Assert.Equal(programmes.Pairs.Count, programmes.Pairs.Select(p => p.From).Distinct().Count());
            Assert.Equal(programmes.Pairs.Count, programmes.Pairs.Select(p => p.To).Distinct().Count());
        }
    }

    [Fact]
    public void Only_key_questions_the_frameworks_word_the_same_are_paired_and_every_other_says_why_none_corresponds()
    {
        foreach (var programmes in Mapping.All)
        {
            var from = Frameworks.Catalog.Get(programmes.From);
            var to = Frameworks.Catalog.Get(programmes.To);
            foreach (var pair in programmes.Pairs)
                Assert.Equal(from.FindKeyQuestion(pair.From)!.Text, to.FindKeyQuestion(pair.To)!.Text);
            // Conservative and complete: every key question of the earlier programme is either paired or said to have no counterpart.
            var accounted = programmes.Pairs.Select(p => p.From).Concat(programmes.Unmatched.Select(u => u.From)).ToHashSet();
            Assert.Equal(from.Standards.SelectMany(s => s.KeyQuestions).Select(k => k.Id).Order(), accounted.Order());
        }
    }

    [Fact]
    public void A_key_question_is_itself_within_a_framework_and_found_through_the_mapping_in_either_direction()
    {
        var same = Mapping.Find("pdu-2021-2023", "2.2.3", "pdu-2021-2023");
        Assert.Equal(("2.2.3", null), (same.LaterQuestionId, same.Mapping));

        var forward = Mapping.Find("pdu-2021-2023", "2.2.3", "pdu-2024");
        Assert.Equal(("P2.1.3", "pdu-2021-2023 to pdu-2024"), (forward.LaterQuestionId, forward.Mapping));
        Assert.Contains("keeping other people safe", forward.Why);

        var back = Mapping.Find("pdu-2024", "P2.4.2", "pdu-2021-2023");
        Assert.Equal("2.5.2", back.LaterQuestionId);

        var court = Mapping.Find("pdu-2021-2023", "2.1.1", "pdu-2024");
        Assert.False(court.Corresponds);
        Assert.Contains("Court work", court.Why);

        var unmapped = Mapping.Find("nps-division-2018", "2.1.1", "pdu-2024");
        Assert.Equal((false, null, null), (unmapped.Corresponds, unmapped.Mapping, unmapped.Why));
    }
}
