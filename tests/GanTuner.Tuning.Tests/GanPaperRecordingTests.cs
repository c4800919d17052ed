using System.Globalization;

namespace GanTuner.Tuning.Tests;

/// <summary>The paper's tuner is kept bit for bit: <c>gan-paper</c> and its ablations reproduce the proposals
/// that the tuner then called <c>gan</c> made (commit 9ceaba4), recorded in Fixtures/gan-paper-recorded.txt.</summary>
/// <remarks>Set GANTUNER_RECORD_GAN_PAPER to a tuner-name prefix ("gan" before the rename) to write the fixture again.</remarks>
public sealed class GanPaperRecordingTests
{
    private const string Fixture = "Fixtures/gan-paper-recorded.txt";

    private static readonly string[] Variants = ["", "-no-injection", "-no-diversity", "-no-feedback"];

    [Fact]
    public void Gan_paper_and_its_ablations_reproduce_the_recorded_proposals()
    {
        var record = Environment.GetEnvironmentVariable("GANTUNER_RECORD_GAN_PAPER");
        var text = Record(record ?? "gan-paper");
        if (record is not null)
        {
            File.WriteAllText(Path.Combine(Environment.GetEnvironmentVariable("GANTUNER_FIXTURE_DIR") ?? ".", "gan-paper-recorded.txt"), text);
        }

        var expected = File.ReadAllText(Fixture).Split('\n');
        var actual = text.Split('\n');
        Assert.Equal(expected.Length, actual.Length);
        for (var line = 0; line < expected.Length; line++)
        {
            Assert.Equal(expected[line], actual[line]);
        }
    }

    /// <summary>Each variant on Table 1 (every parameter kind but categorical) and on a space with a categorical
    /// parameter, told a deterministic function of the decoded configuration, default settings.</summary>
    private static string Record(string prefix)
    {
        var lines = new List<string>();
        var mixed = new SearchSpace(
        [
            new RealParameter("x", 0, 1),
            new RealParameter("lr", 1e-4, 1, log: true),
            new CategoricalParameter("kind", ["a", "b", "c"]),
        ]);
        foreach (var (space, seed) in new[] { (SearchSpace.Table1(), 3), (mixed, 11) })
        {
            foreach (var variant in Variants)
            {
                var name = prefix + variant;
                var tuner = TunerFactory.Create(name, space, seed, TunerOptions.Empty);
                for (var trial = 0; trial < 18; trial++)
                {
                    var proposal = tuner.Ask();
                    var value = trial % 7 == 5 ? (double?)null : proposal.Point.Select((x, i) => (x - (0.2 + (0.1 * i))) * (x - (0.2 + (0.1 * i)))).Sum();
                    tuner.Tell(new Observation(proposal.Point, value));
                    lines.Add(string.Create(CultureInfo.InvariantCulture, $"{variant} {seed} {trial} ")
                        + string.Join(",", proposal.Point.Select(x => x.ToString("R", CultureInfo.InvariantCulture)))
                        + " " + string.Join(",", proposal.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value}")));
                }
            }
        }

        return string.Join("\n", lines);
    }
}
