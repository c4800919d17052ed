using GanTuner.Data.Csv;

namespace GanTuner.Data.Tests.Csv;

public sealed class PriceCsvReaderTests
{
    [Fact]
    public void Yahoo_download_is_read_with_every_column_and_null_bars_skipped()
    {
        var series = PriceCsvReader.ReadFile(Fixture.Path("yahoo.csv"));

        Assert.Equal(4, series.Count);
        Assert.Equal(new DateOnly(2021, 1, 4), series.FirstDate);
        Assert.DoesNotContain(new DateOnly(2021, 1, 6), series.Dates);
        Assert.Equal(3824.679932, series.Close[^1]);
        Assert.Equal(3820.0, series.AdjClose![^1]);
        Assert.Equal(3764.610107, series.Open![0]);
        Assert.Equal(3769.989990, series.High![0]);
        Assert.Equal(3662.709961, series.Low![0]);
        Assert.Equal(5006680000, series.Volume![0]);
        Assert.Contains("Yahoo", series.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Adjusted_close_is_chosen_with_the_column_option()
    {
        var series = PriceCsvReader.ReadFile(Fixture.Path("yahoo.csv"), new CsvReadOptions(PriceColumn.AdjClose));

        Assert.Equal(3820.0, series.Prices(PriceColumn.AdjClose)[^1]);
        Assert.Equal(3824.679932, series.Prices(PriceColumn.Close)[^1]);
    }

    [Fact]
    public void Lower_case_header_is_detected()
    {
        var series = PriceCsvReader.ReadFile(Fixture.Path("lowercase.csv"));

        Assert.Equal(3, series.Count);
        Assert.Equal([1455.219971, 1399.420044, 1402.109985], series.Close);
        Assert.NotNull(series.AdjClose);
        Assert.Contains("lower-case", series.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Stooq_header_is_detected_and_has_no_adjusted_close()
    {
        var series = PriceCsvReader.ReadFile(Fixture.Path("stooq.csv"));

        Assert.Equal(4, series.Count);
        Assert.Null(series.AdjClose);
        Assert.Equal(5104.76, series.Close[^1]);
        Assert.Contains("Stooq", series.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Stooq_file_with_adjusted_close_requested_names_the_missing_column()
    {
        var path = Fixture.Path("stooq.csv");

        var e = Assert.Throws<PriceDataException>(() => PriceCsvReader.ReadFile(path, new CsvReadOptions(PriceColumn.AdjClose)));

        Assert.Equal($"{path}, line 1: missing column 'Adj Close' (found: Date, Open, High, Low, Close, Volume)", e.Message);
    }

    [Fact]
    public void Any_file_is_read_through_named_date_and_value_columns()
    {
        var options = new CsvReadOptions(DateColumn: "trading day", ValueColumn: "Last Price");

        var series = PriceCsvReader.ReadFile(Fixture.Path("custom_columns.csv"), options);

        Assert.Equal([101.5, 102.25, 99.75], series.Close);
        Assert.Equal(new DateOnly(2022, 6, 3), series.LastDate);
        Assert.Equal(PriceColumn.Close, options.ModelledColumn);
        Assert.Null(series.Open);
    }

    [Fact]
    public void Unnamed_columns_in_an_unknown_layout_point_to_the_options()
    {
        var path = Fixture.Path("custom_columns.csv");

        var e = Assert.Throws<PriceDataException>(() => PriceCsvReader.ReadFile(path));

        Assert.StartsWith($"{path}, line 1: missing column 'date'", e.Message, StringComparison.Ordinal);
        Assert.Contains("--date-column and --value-column", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_named_column_that_is_not_there_is_reported()
    {
        var path = Fixture.Path("custom_columns.csv");

        var e = Assert.Throws<PriceDataException>(
            () => PriceCsvReader.ReadFile(path, new CsvReadOptions(DateColumn: "Trading Day", ValueColumn: "Price")));

        Assert.Equal($"{path}, line 1: missing column 'Price' (found: Trading Day, Ticker, Last Price, Turnover)", e.Message);
    }

    [Fact]
    public void A_folder_given_as_the_price_file_is_named_as_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("gantuner-csv-").FullName;
        try
        {
            var e = Assert.Throws<PriceDataException>(() => PriceCsvReader.ReadFile(folder));

            Assert.Equal($"{folder}: is a folder, not a price file", e.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void Dates_with_time_and_offset_keep_their_date_part()
    {
        var series = PriceCsvReader.ReadFile(Fixture.Path("time_offsets.csv"));

        Assert.Equal([new DateOnly(1927, 12, 30), new DateOnly(1928, 1, 3), new DateOnly(1928, 1, 4)], series.Dates);
    }

    [Fact]
    public void Descending_file_is_sorted_ascending()
    {
        var descending = PriceCsvReader.ReadFile(Fixture.Path("descending.csv"));
        var ascending = PriceCsvReader.ReadFile(Fixture.Path("stooq.csv"));

        Assert.Equal(ascending.Dates, descending.Dates);
        Assert.Equal(ascending.Close, descending.Close);
        Assert.Equal(ascending.Volume, descending.Volume);
    }

    [Theory]
    [InlineData("bad_empty.csv", ": the file is empty")]
    [InlineData("bad_header_only.csv", ": the file has a header but no data rows")]
    [InlineData("bad_missing_column.csv", ", line 1: missing column 'close' (found: Date, Open, High, Low, Volume) (name the columns with --date-column and --value-column)")]
    [InlineData("bad_date.csv", ", line 4: cannot read the date '03/05/2024' (expected yyyy-MM-dd, optionally with a time)")]
    [InlineData("bad_number.csv", ", line 5: cannot read Close '51O4.76' as a number")]
    [InlineData("bad_nan.csv", ", line 3: Close is NaN; prices must be finite and positive")]
    [InlineData("bad_infinity.csv", ", line 4: Close is infinite; prices must be finite and positive")]
    [InlineData("bad_zero.csv", ", line 3: Close is zero; prices must be finite and positive")]
    [InlineData("bad_negative.csv", ", line 4: Close is negative (-12.5); prices must be finite and positive")]
    [InlineData("bad_duplicate.csv", ", line 5: duplicate date 2024-03-04 (also on line 3)")]
    public void Bad_file_is_reported_with_file_line_and_fault(string file, string expected)
    {
        var path = Fixture.Path(file);

        var e = Assert.Throws<PriceDataException>(() => PriceCsvReader.ReadFile(path));

        Assert.Equal(path + expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Missing_file_is_a_data_error_naming_the_path()
    {
        var path = Fixture.Path("no_such_file.csv");

        var e = Assert.Throws<PriceDataException>(() => PriceCsvReader.ReadFile(path));

        Assert.StartsWith($"{path}: cannot read the file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_do_not_shift_line_numbers()
    {
        using var reader = new StringReader("Date,Close\n2024-03-01,1\n\n2024-03-04,x\n");

        var e = Assert.Throws<PriceDataException>(() => PriceCsvReader.Read(reader, "mem.csv"));

        Assert.Equal("mem.csv, line 4: cannot read Close 'x' as a number", e.Message);
    }
}
