namespace Inspection.Recommendations.Demo;

/// <summary>What one demo load created; all zero when everything was there already.</summary>
public sealed class DemoDataResult
{
    public int Providers { get; set; }
    public int Restructures { get; set; }
    public int Inspections { get; set; }
    public int Recommendations { get; set; }
    public int Publications { get; set; }
    public int Judgements { get; set; }

    public bool CreatedNothing => Providers + Restructures + Inspections + Recommendations + Publications + Judgements == 0;

    public override string ToString() =>
        $"{Providers} providers, {Restructures} restructures, {Inspections} inspections, {Recommendations} recommendations, {Publications} publications, {Judgements} judgements";
}
