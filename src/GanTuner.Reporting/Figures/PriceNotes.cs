namespace GanTuner.Reporting.Figures;

/// <summary>Shared wording for figures that need the study's price data.</summary>
internal static class PriceNotes
{
    public const string Missing = "the study's price data could not be loaded (see the notes above)";
}
