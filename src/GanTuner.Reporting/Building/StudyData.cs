using System.Globalization;
using GanTuner.Data;
using GanTuner.Data.Csv;
using GanTuner.Data.Protocols;
using GanTuner.Reporting.Model;
using GanTuner.Storage;

namespace GanTuner.Reporting.Building;

/// <summary>The price series a study ran on, read again from what its attributes record, with the split and
/// scaler its protocol implies. Anything missing becomes a note, never a failure: the trials alone still
/// make most of the report.</summary>
internal sealed class StudyData
{
    private StudyData(PriceSeries series, PriceColumn column, Protocol protocol, ForecastTarget target, int shuffleSeed)
    {
        Series = series;
        Column = column;
        Protocol = protocol;
        Target = target;
        ShuffleSeed = shuffleSeed;
    }

    public PriceSeries Series { get; }

    /// <summary>The modelled column of <see cref="Series"/>.</summary>
    public PriceColumn Column { get; }

    public Protocol Protocol { get; }

    public ForecastTarget Target { get; }

    public int ShuffleSeed { get; }

    public static StudyData? Load(StudyRecord study, ICollection<string> notes)
    {
        var attributes = study.UserAttributes;
        if (!attributes.TryGetValue(StudyAttributeKeys.Data, out var data) || string.IsNullOrWhiteSpace(data))
        {
            notes.Add($"The study does not record its data (attribute '{StudyAttributeKeys.Data}'), so the price, split and forecast figures are omitted.");
            return null;
        }

        if (!ProtocolNames.TryParseProtocol(attributes.GetValueOrDefault(StudyAttributeKeys.Protocol, "holdout"), out var protocol)
            || !ProtocolNames.TryParseTarget(attributes.GetValueOrDefault(StudyAttributeKeys.Target, "level"), out var target))
        {
            notes.Add("The study records a protocol or target this version does not know, so the price, split and forecast figures are omitted.");
            return null;
        }

        var options = new CsvReadOptions(
            attributes.GetValueOrDefault(StudyAttributeKeys.Column, "close") == "adjclose" ? PriceColumn.AdjClose : PriceColumn.Close,
            attributes.GetValueOrDefault(StudyAttributeKeys.DateColumn),
            attributes.GetValueOrDefault(StudyAttributeKeys.ValueColumn));
        PriceSeries series;
        try
        {
            if (data == StudyAttributeKeys.EmbeddedData)
            {
                series = EmbeddedPriceData.LoadSp500(options);
            }
            else if (File.Exists(data))
            {
                series = PriceCsvReader.ReadFile(data, options);
            }
            else
            {
                notes.Add($"The study's data file {data} is no longer there, so the price, split and forecast figures are omitted.");
                return null;
            }
        }
        catch (PriceDataException e)
        {
            notes.Add($"The study's data could not be read again ({e.Message}), so the price, split and forecast figures are omitted.");
            return null;
        }

        CheckUnchanged(attributes, series, notes);
        var shuffleSeed = int.TryParse(attributes.GetValueOrDefault(StudyAttributeKeys.ShuffleSeed), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : 42;
        return new StudyData(series, options.ModelledColumn, protocol, target, shuffleSeed);
    }

    /// <summary>The series with its split into parts and the scaler the protocol fits (on prices; under the
    /// log-return target the model itself sees scaled returns, but the split and the fitting rows are the same).</summary>
    public PriceHistory History()
    {
        var plan = new SplitPlan(Series.Count, 1, Protocol, Target);
        var prices = Series.Prices(Column);
        IReadOnlyList<SeriesSegment> segments = Protocol switch
        {
            Protocol.Holdout =>
            [
                new("Train", 0, plan.FitEnd),
                new("Validation", plan.FitEnd, plan.TrainEnd - plan.FitEnd),
                new("Test", plan.TrainEnd, Series.Count - plan.TrainEnd),
            ],
            Protocol.Paper => [new("Train", 0, plan.TrainEnd), new("Test", plan.TrainEnd, Series.Count - plan.TrainEnd)],
            Protocol.WalkForward => [new("Development (walk-forward folds)", 0, plan.TrainEnd), new("Test", plan.TrainEnd, Series.Count - plan.TrainEnd)],
            _ => [],
        };
        var fit = prices[..Math.Max(0, plan.FitEnd)];
        var fittedOn = Protocol == Protocol.Holdout ? "the training rows" : "the whole series";
        // Figure 2 draws prices; under log-return the model's inputs and MSEs are scaled returns, so it must say so.
        if (Target == ForecastTarget.LogReturn)
        {
            fittedOn += "; the model saw scaled log returns, not these prices";
        }

        // Walk-forward fits one scaler per fold, on that fold's training rows: no single range to draw.
        ScalerRange? scaler = Protocol != Protocol.WalkForward && fit.Length > 0 && fit.Min() < fit.Max() ? new ScalerRange(fit.Min(), fit.Max(), fittedOn) : null;
        var label = Column == PriceColumn.AdjClose ? "Adjusted close" : "Close";
        return new PriceHistory(Series.Source, label, Series.Dates, prices, [.. segments.Where(s => s.Count > 0)], scaler);
    }

    private static void CheckUnchanged(IReadOnlyDictionary<string, string> attributes, PriceSeries series, ICollection<string> notes)
    {
        var rows = attributes.GetValueOrDefault(StudyAttributeKeys.DataRows);
        var first = attributes.GetValueOrDefault(StudyAttributeKeys.DataFirst);
        var last = attributes.GetValueOrDefault(StudyAttributeKeys.DataLast);
        var now = (Rows: series.Count.ToString(CultureInfo.InvariantCulture), First: Day(series.FirstDate), Last: Day(series.LastDate));
        if ((rows is not null && rows != now.Rows) || (first is not null && first != now.First) || (last is not null && last != now.Last))
        {
            notes.Add($"The data has changed since the study ran ({rows ?? "?"} rows, {first ?? "?"} to {last ?? "?"}; now {now.Rows} rows, {now.First} to {now.Last}): the figures show the data as it is now.");
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
