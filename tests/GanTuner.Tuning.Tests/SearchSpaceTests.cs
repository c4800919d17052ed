using GanTuner.Tuning;

namespace GanTuner.Tuning.Tests;

public sealed class SearchSpaceTests
{
    [Fact]
    public void Table1_holds_the_papers_six_parameters()
    {
        var space = SearchSpace.Table1();

        Assert.Equal(["layers", "units", "learning_rate", "batch_size", "dropout", "sequence_length"], space.Parameters.Select(p => p.Name));
        Assert.Equal([5, 50, null, 8, 9, 250], space.Parameters.Select(p => p.Cardinality));
        Assert.Equal(6, space.Dimensions);
    }

    [Fact]
    public void The_cube_corners_decode_to_the_range_ends()
    {
        var space = SearchSpace.Table1();

        var low = space.Decode([0, 0, 0, 0, 0, 0]);
        var high = space.Decode([1, 1, 1, 1, 1, 1]);

        Assert.Equal("batch_size=16;dropout=0.1;layers=1;learning_rate=1E-05;sequence_length=1;units=1", low.Key);
        Assert.Equal("batch_size=2048;dropout=0.9;layers=5;learning_rate=0.1;sequence_length=250;units=50", high.Key);
    }

    [Fact]
    public void Discrete_values_own_equal_cells_of_the_interval()
    {
        var layers = new IntegerParameter("layers", 1, 5);

        Assert.Equal([1, 1, 2, 2, 5], new[] { 0.0, 0.1999, 0.2, 0.3999, 0.9999 }.Select(u => layers.Decode(u).AsInteger()));
    }

    [Fact]
    public void A_log_range_is_uniform_in_the_exponent()
    {
        var rate = new RealParameter("learning_rate", 1e-5, 0.1, log: true);

        Assert.Equal(1e-3, rate.Decode(0.5).AsDouble(), 12);
        Assert.Equal(0.5, rate.Encode(ParameterValue.OfReal(1e-3)), 12);
    }

    [Fact]
    public void Stepped_values_are_clean_decimals()
    {
        var dropout = new SteppedParameter("dropout", 0.1, 0.9, 0.1);

        Assert.Equal(
            ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9"],
            Enumerable.Range(0, 9).Select(j => dropout.Decode((j + 0.5) / 9).ToString()));
    }

    [Fact]
    public void Snap_centres_discrete_coordinates_and_keeps_continuous_ones()
    {
        var space = SearchSpace.Table1();

        var snapped = space.Snap([0.01, 0.999, 0.123456, 0.5, 1.5, -0.2]);

        Assert.Equal([0.1, 0.99, 0.123456, 0.5625, 17.0 / 18, 0.5 / 250], snapped, new ToleranceComparer(1e-12));
        Assert.Equal(space.Decode([0.01, 0.999, 0.123456, 0.5, 1.5, -0.2]), space.Decode(snapped));
    }

    [Fact]
    public void Encode_inverts_decode()
    {
        var space = SpaceWithEveryKind();
        var configuration = space.Decode([0.3, 0.7, 0.2, 0.9, 0.55, 0.1]);

        var point = space.Encode(configuration);

        Assert.Equal(configuration, space.Decode(point));
        Assert.Equal(space.Snap(point), point);
    }

    [Fact]
    public void Encode_rejects_values_outside_the_space()
    {
        var space = SearchSpace.Table1();
        var configuration = new ParameterSet(space.Decode([0, 0, 0, 0, 0, 0]).Values
            .Select(p => p.Key == "batch_size" ? new KeyValuePair<string, ParameterValue>(p.Key, ParameterValue.OfInteger(48)) : p));

        var error = Assert.Throws<SearchSpaceException>(() => space.Encode(configuration));

        Assert.Contains("batch_size", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_json_form_round_trips()
    {
        var space = SpaceWithEveryKind();

        var json = space.ToJson();

        Assert.Equal(json, SearchSpace.Parse(json).ToJson());
        Assert.Equal(SearchSpace.Table1().ToJson(), SearchSpace.Parse(SearchSpace.Table1().ToJson()).ToJson());
    }

    [Fact]
    public void A_space_file_loads()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "space.json");

        var space = SearchSpace.Load(path);

        Assert.Equal(["layers", "learning_rate", "activation"], space.Parameters.Select(p => p.Name));
        Assert.Equal("tanh", space.Decode([0, 0, 0.99]).GetString("activation"));
    }

    [Theory]
    [InlineData("""{"parameters":[{"name":"units","kind":"integer","low":50,"high":1}]}""", "parameter 'units': low must not exceed high (low = 50, high = 1)")]
    [InlineData("""{"parameters":[{"name":"lr","kind":"real","low":0,"high":0.1,"log":true}]}""", "parameter 'lr': a log range must lie above zero (low = 0)")]
    [InlineData("""{"parameters":[{"name":"act","kind":"categorical","choices":[]}]}""", "parameter 'act': a categorical parameter needs at least one choice")]
    [InlineData("""{"parameters":[{"name":"lr","kind":"float","low":0,"high":1}]}""", "parameter 'lr': unknown kind 'float'; expected one of integer, real, stepped, power_of_two, categorical")]
    [InlineData("""{"parameters":[{"name":"lr","kind":"real","low":0,"hihg":1}]}""", "parameter 'lr': a real parameter has no field \"hihg\"")]
    [InlineData("""{"parameters":[{"name":"b","kind":"power_of_two","low":16,"high":100}]}""", "parameter 'b': low and high must be powers of two (low = 16, high = 100)")]
    [InlineData("""{"parameters":[{"name":"d","kind":"stepped","low":0.1,"high":0.95,"step":0.1}]}""", "parameter 'd': the range 0.1..0.95 is not a whole number of steps of 0.1")]
    [InlineData("""{"parameters":[{"name":"n","kind":"integer","low":1.5,"high":3}]}""", "parameter 'n': \"low\" must be a whole number, not 1.5")]
    [InlineData("""{"parameters":[{"name":"n","kind":"integer","low":1,"high":3},{"name":"n","kind":"integer","low":1,"high":3}]}""", "the parameter name 'n' appears twice")]
    [InlineData("""{"parameters":[]}""", "a search space needs at least one parameter")]
    [InlineData("""{"params":[]}""", "expected an object with a \"parameters\" array")]
    public void A_bad_space_is_a_clear_error(string json, string problem)
    {
        var error = Assert.Throws<SearchSpaceException>(() => SearchSpace.Parse(json));

        Assert.Equal($"search space text: {problem}", error.Message);
    }

    [Fact]
    public void Text_that_is_not_json_and_a_missing_file_are_clear_errors()
    {
        Assert.StartsWith("search space text is not valid JSON:", Assert.Throws<SearchSpaceException>(() => SearchSpace.Parse("{layers: 1")).Message, StringComparison.Ordinal);
        Assert.Equal("search space file 'nowhere.json' does not exist", Assert.Throws<SearchSpaceException>(() => SearchSpace.Load("nowhere.json")).Message);
    }

    [Fact]
    public void A_folder_given_as_the_space_file_is_named_as_a_folder()
    {
        var folder = Directory.CreateTempSubdirectory("gantuner-space-").FullName;
        try
        {
            Assert.Equal($"search space file '{folder}' is a folder, not a file",
                Assert.Throws<SearchSpaceException>(() => SearchSpace.Load(folder)).Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void Cardinality_counts_configurations()
    {
        Assert.Equal(5.0 * 50 * 8 * 9 * 250, new SearchSpace(SearchSpace.Table1().Parameters.Where(p => p.Cardinality is not null)).Cardinality);
        Assert.Equal(double.PositiveInfinity, SearchSpace.Table1().Cardinality);
    }

    internal static SearchSpace SpaceWithEveryKind() => new(
    [
        new IntegerParameter("layers", 1, 5),
        new RealParameter("learning_rate", 1e-5, 0.1, log: true),
        new RealParameter("momentum", 0, 1),
        new PowerOfTwoParameter("batch_size", 16, 2048),
        new SteppedParameter("dropout", 0.1, 0.9, 0.1),
        new CategoricalParameter("activation", ["relu", "tanh", "sigmoid"]),
    ]);

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
