using GanTuner.Tuning;

namespace GanTuner.Tuning.Tests;

public sealed class TunerOptionsTests
{
    [Fact]
    public void Assignments_parse_into_sorted_settings_that_round_trip_through_json()
    {
        var options = TunerOptions.Parse(["tpe.startup=20", "grid.points = 4"]);

        Assert.Equal(["grid.points", "tpe.startup"], options.Values.Keys);
        Assert.Equal(20, options.GetInt32("tpe.startup", 10));
        Assert.Equal(options, TunerOptions.FromJson(options.ToJson()));
        Assert.NotEqual(options, options.With("tpe.startup", "21"));
    }

    [Fact]
    public void A_key_given_twice_is_refused_rather_than_the_last_one_winning()
    {
        var error = Assert.Throws<TunerOptionsException>(() => TunerOptions.Parse(["tpe.startup=20", "grid.points=4", "tpe.startup = 30"]));

        Assert.Equal("tuner option 'tpe.startup' is given twice", error.Message);
    }

    [Fact]
    public void Absent_keys_fall_back_and_bad_values_are_clear_errors()
    {
        var options = TunerOptions.Parse(["ga.population=many", "ga.crossover=sbx", "tpe.magic_clip=yes"]);

        Assert.Equal(0.9, options.GetDouble("ga.crossover_rate", 0.9));
        Assert.Equal("tuner option 'ga.population' must be an integer in [2, 100], not 'many'",
            Assert.Throws<TunerOptionsException>(() => options.GetInt32("ga.population", 10, 2, 100)).Message);
        Assert.Equal("tuner option 'ga.crossover' must be one of blend, uniform, not 'sbx'",
            Assert.Throws<TunerOptionsException>(() => options.GetChoice("ga.crossover", "blend", "blend", "uniform")).Message);
        Assert.Throws<TunerOptionsException>(() => options.GetBoolean("tpe.magic_clip", true));
        Assert.Throws<TunerOptionsException>(() => TunerOptions.Parse(["startup"]));
    }

    [Fact]
    public void A_misspelt_key_under_a_tuners_prefix_is_refused_and_other_prefixes_are_left_alone()
    {
        var options = TunerOptions.Parse(["tpe.startp=5", "gan.noise=0.1"]);

        var error = Assert.Throws<TunerOptionsException>(() => TunerFactory.Create("tpe", SearchSpace.Table1(), 0, options));
        var grid = TunerFactory.Create("grid", SearchSpace.Table1(), 0, options);

        Assert.StartsWith("unknown tuner option 'tpe.startp'", error.Message, StringComparison.Ordinal);
        Assert.Equal("grid", grid.Name);
    }

    [Fact]
    public void A_single_tuner_study_refuses_options_its_tuner_never_reads()
    {
        var grid = TunerOptions.Parse(["grid.points=4"]);
        var unprefixed = TunerOptions.Parse(["startup=5"]);

        TunerFactory.RequireOwnOptions("grid", grid);
        TunerFactory.RequireOwnOptions("tpe-univariate", TunerOptions.Parse(["tpe.startup=3"]));
        TunerFactory.RequireOwnOptions("gan-no-injection", TunerOptions.Parse(["gan.no_injection=true"]));
        TunerFactory.RequireOwnOptions("random", TunerOptions.Empty);

        Assert.Equal("tuner option 'grid.points' is not a tpe option; its options start with 'tpe.'",
            Assert.Throws<TunerOptionsException>(() => TunerFactory.RequireOwnOptions("tpe", grid)).Message);
        Assert.Equal("tuner option 'startup' is not a ga option; its options start with 'ga.'",
            Assert.Throws<TunerOptionsException>(() => TunerFactory.RequireOwnOptions("ga", unprefixed)).Message);
        Assert.Equal("tuner option 'grid.points': the random tuner takes no options",
            Assert.Throws<TunerOptionsException>(() => TunerFactory.RequireOwnOptions("random", grid)).Message);
    }

    [Fact]
    public void An_unknown_tuner_name_lists_the_known_ones()
    {
        var error = Assert.Throws<TunerOptionsException>(() => TunerFactory.Create("bayes", SearchSpace.Table1(), 0, TunerOptions.Empty));

        Assert.StartsWith("unknown tuner 'bayes'; expected one of random, grid, tpe", error.Message, StringComparison.Ordinal);
    }
}
