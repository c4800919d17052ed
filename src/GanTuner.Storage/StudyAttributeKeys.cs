namespace GanTuner.Storage;

/// <summary>The study user attributes (<c>StudyRecord.UserAttributes</c>) the report reads to find the data a
/// study ran on and the folder its files went to. <c>tune</c> writes them when it creates a study; a study
/// without them still reports, minus the figures that need the data.</summary>
public static class StudyAttributeKeys
{
    /// <summary>Where the prices came from: <see cref="EmbeddedData"/>, or the path of the CSV file that was
    /// read (for a Yahoo symbol, a copy of the downloaded file, so the report sees the same rows).</summary>
    public const string Data = "data";

    /// <summary>The value of <see cref="Data"/> for the data set compiled into the program.</summary>
    public const string EmbeddedData = "embedded";

    /// <summary>How the data is named for people (<c>PriceSeries.Source</c>, or the symbol).</summary>
    public const string DataSource = "data_source";

    /// <summary>The modelled column: close or adjclose.</summary>
    public const string Column = "column";

    /// <summary>The date column's header, for files whose layout had to be given (--date-column).</summary>
    public const string DateColumn = "date_column";

    /// <summary>The price column's header, for files whose layout had to be given (--value-column).</summary>
    public const string ValueColumn = "value_column";

    /// <summary>holdout, paper, paper-shuffled or walk-forward.</summary>
    public const string Protocol = "protocol";

    /// <summary>What every trial's value is: the objective's metric key (val_u2, val_mse, test_u2 or test_mse). Absent in
    /// studies from before it was stored, whose values were the scaled MSE of the split their protocol optimised.</summary>
    public const string Objective = "objective";

    /// <summary>level or log-return.</summary>
    public const string Target = "target";

    /// <summary>The window shuffle's seed under paper-shuffled (DatasetSpec.ShuffleSeed).</summary>
    public const string ShuffleSeed = "shuffle_seed";

    /// <summary>Row count, first and last date (yyyy-MM-dd) of the series when the study ran: if the file has
    /// changed since, the report says so instead of silently drawing other data.</summary>
    public const string DataRows = "data_rows";

    public const string DataFirst = "data_first";

    public const string DataLast = "data_last";

    /// <summary>The study's output folder (absolute), where <c>StudyFiles</c> places the best model
    /// and its predictions. Default when absent: <c>./gantuner-out/&lt;study&gt;/</c>.</summary>
    public const string OutDirectory = "out_dir";

    /// <summary>On a trial: "true" when the GAN's random injection was active as it was proposed.</summary>
    public const string GanInjection = "gan.injection";
}
