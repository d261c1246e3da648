using Inspection.Evidence.Application;
using Inspection.Evidence.Domain;
using Inspection.Evidence.Tests.Support;
using Xunit;
using Inspection.Evidence.Domain.Characteristics;
using Inspection.Evidence.Domain.Staffing;

namespace Inspection.Evidence.Tests.Store;

/// <summary>The 2022 reference inspection's staffing return and characteristics table survive PostgreSQL exactly.</summary>
public sealed class ReferenceInspectionStoreTests(EvidenceDatabase db) : IClassFixture<EvidenceDatabase>
{
    private const string Provider = ReferenceData.Birmingham2022;

    [Fact]
    public async Task The_staffing_return_reads_back_exactly_with_its_units()
    {
        var published = ReferenceData.StaffingAndWorkload(Provider);
        var inspectionId = db.Inspections.Register(ReferenceData.FrameworkOf(Provider), Provider);

        var recorded = await db.Staffing.RecordAsync(new RecordStaffingReturn("staffing-" + inspectionId, inspectionId,
            new StaffingReturnInput(ReferenceData.FieldworkStart(Provider), published, "inspector")), CancellationToken.None);
        var read = await db.Staffing.GetAsync(inspectionId, null, CancellationToken.None);

        Assert.Equal(DateOnly.Parse(ReferenceData.FieldworkStart(Provider)), read.AsAt);
        Assert.Equal(published.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value)),
            read.Figures.OrderBy(f => f.Field.Name, StringComparer.Ordinal).Select(f => (f.Field.Name, (double)f.Value)));
        Assert.Equal(recorded.Figures.Select(f => (f.Field.Name, f.Field.Unit, f.Value)), read.Figures.Select(f => (f.Field.Name, f.Field.Unit, f.Value)));
        Assert.Equal((recorded.Version, recorded.RecordedAt), (read.Version, read.RecordedAt));
    }

    [Fact]
    public async Task The_characteristics_table_reads_back_exactly_each_row_marked_entered()
    {
        var published = ReferenceData.CharacteristicsOfInspectedCases(Provider);
        var inspectionId = db.Inspections.Register(ReferenceData.FrameworkOf(Provider), Provider);

        await db.Characteristics.RecordAsync(new RecordCaseCharacteristics("characteristics-" + inspectionId, inspectionId,
            new CaseCharacteristicsInput(false, published.Select(p => new EnteredCharacteristic(p.Key, p.Value)).ToList(), "inspector")),
            CancellationToken.None);
        var read = await db.Characteristics.GetAsync(inspectionId, null, CancellationToken.None);

        Assert.Equal(published.Select(p => p.Key), read.Rows.Select(r => r.Characteristic.Name));
        Assert.Equal(published.Select(p => p.Value), read.Rows.Select(r => (double)r.Value));
        Assert.All(read.Rows, r => Assert.Equal((CharacteristicSource.Entered, (Percentage?)null), (r.Source, r.Fraction)));
        Assert.Equal(CharacteristicUnit.Count, read.Rows.Single(r => r.Characteristic.Name == "other_programme_requirements_not_commenced").Characteristic.Unit);
    }

    [Fact]
    public async Task Computed_rows_keep_their_fraction_and_mark_beside_entered_rows()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        db.Samples.Set(inspectionId, Enumerable.Range(1, 48)
            .Select(i => FixedSamples.Case($"C{i:00}", gender: i <= 7 ? "female" : "male", ethnicGroup: i <= 19 ? "asian" : "white", disability: i > 31))
            .ToList());
        var entered = ReferenceData.CharacteristicsOfInspectedCases(Provider)
            .Where(p => p.Key is not ("female_pct" or "black_asian_minority_ethnic_pct" or "disability_pct"))
            .Select(p => new EnteredCharacteristic(p.Key, p.Value)).ToList();

        await db.Characteristics.RecordAsync(new RecordCaseCharacteristics("computed-" + inspectionId, inspectionId,
            new CaseCharacteristicsInput(true, entered, "inspector")), CancellationToken.None);
        var read = await db.Characteristics.GetAsync(inspectionId, null, CancellationToken.None);

        var female = read.Rows.Single(r => r.Characteristic.Name == "female_pct");
        Assert.Equal((CharacteristicSource.ComputedFromSample, 15m, (Percentage?)new Percentage(7, 48)), (female.Source, female.Value, female.Fraction));
        Assert.Equal(new Percentage(19, 48), read.Rows.Single(r => r.Characteristic.Name == "black_asian_minority_ethnic_pct").Fraction);
        Assert.Equal(new Percentage(17, 48), read.Rows.Single(r => r.Characteristic.Name == "disability_pct").Fraction);
        Assert.Equal(entered.Count, read.Rows.Count(r => r.Source == CharacteristicSource.Entered));
        Assert.Equal(CaseCharacteristics.All.Select(c => c.Name), read.Rows.Select(r => r.Characteristic.Name));
    }

    [Fact]
    public async Task Recording_the_return_again_adds_a_version_and_keeps_the_first()
    {
        var inspectionId = db.Inspections.Register("pdu-2021-2023");
        var first = await db.Staffing.RecordAsync(new RecordStaffingReturn("s1-" + inspectionId, inspectionId,
            new StaffingReturnInput("2022-05-31", new Dictionary<string, double> { ["vacancy_rate_pct"] = 8 }, "inspector")), CancellationToken.None);
        var second = await db.Staffing.RecordAsync(new RecordStaffingReturn("s2-" + inspectionId, inspectionId,
            new StaffingReturnInput("2022-06-30", new Dictionary<string, double> { ["vacancy_rate_pct"] = 9.5 }, "inspector")), CancellationToken.None);

        Assert.Equal((1L, 2L), (first.Version, second.Version));
        Assert.Equal(9.5m, (await db.Staffing.GetAsync(inspectionId, null, CancellationToken.None)).Value("vacancy_rate_pct"));
        Assert.Equal(8m, (await db.Staffing.GetAsync(inspectionId, 1, CancellationToken.None))!.Value("vacancy_rate_pct"));
    }
}
