using GanTuner.Data.Csv;
using GanTuner.Storage;
using GanTuner.Studies.Tune;
using GanTuner.Tuning;
using GanTuner.Tuning.Studies;

namespace GanTuner.Studies.Tests;

public sealed class LibraryApiTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Optimize_tunes_a_plain_function_and_a_loaded_study_spends_only_what_is_missing()
    {
        var space = new SearchSpace([new RealParameter("x", -5, 5)]);
        var calls = 0;
        double Objective(ParameterSet p)
        {
            calls++;
            return Math.Abs(p.GetDouble("x") - 1);
        }

        using (var store = StudyStores.Open(_folder["f.db"]))
        {
            var best = Study.CreateOrLoad(store, "f", space, "tpe", 2, TunerOptions.Empty).Optimize(Objective, 20);
            Assert.True(best!.Value < 0.5, $"best {best.Value}");
        }

        using var again = StudyStores.Open(_folder["f.db"]);
        var study = Study.Load(again, "f");
        study.Optimize(Objective, 25);

        Assert.Equal(25, calls);
        Assert.Equal(25, study.Trials.Count);
    }

    [Fact]
    public void A_non_finite_value_is_a_failed_trial()
    {
        using var store = new InMemoryStudyStore();
        var study = Study.CreateOrLoad(store, "nan", new SearchSpace([new RealParameter("x", 0, 1)]), "random", 0, TunerOptions.Empty);

        Assert.Null(study.Optimize(_ => double.NaN, 2));
        Assert.All(study.Trials, t => Assert.Equal(TrialState.Failed, t.State));
    }

    [Fact]
    public async Task LstmStudy_tunes_an_lstm_on_a_series_in_memory_and_keeps_a_copy_of_its_rows()
    {
        var series = PriceCsvReader.ReadFile(TempFolder.Fixture("tune_sp500_300.csv"));
        var options = new LstmStudyOptions("mine", _folder["runs.db"], _folder["out"])
        {
            Tuner = "random",
            Budget = 2,
            Epochs = 1,
            Threads = 1,
            Space = SearchSpace.Load(TempFolder.Fixture("tune_space_tiny.json")),
        };

        var outcome = await LstmStudy.TuneAsync(series, options);

        Assert.Equal(TuneStatus.Finished, outcome.Status);
        Assert.Equal(2, outcome.Evaluated);
        Assert.True(File.Exists(outcome.ModelPath));
        var copy = outcome.Run.Attributes[StudyAttributeKeys.Data];
        Assert.Equal(series.Count, PriceCsvReader.ReadFile(copy).Count);
    }
}
