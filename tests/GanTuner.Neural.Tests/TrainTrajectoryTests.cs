using System.Numerics;
using System.Text.Json;
using GanTuner.Neural.Lstm;

namespace GanTuner.Neural.Tests;

public sealed class TrainTrajectoryTests
{
    [Fact]
    public void Training_in_double_precision_follows_the_pytorch_trajectory() => Check<double>(1e-9, 1e-12);

    [Fact]
    public void Training_in_single_precision_follows_the_pytorch_trajectory() => Check<float>(1e-4, 1e-6);

    private static void Check<T>(double relative, double absolute)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var c = Fixture.Cases("train_trajectory.json")[0];
        var (seq, windows, batch, epochs) = (c.GetProperty("seq").GetInt32(), c.GetProperty("windows").GetInt32(), c.GetProperty("batch").GetInt32(), c.GetProperty("epochs").GetInt32());
        var series = c.Doubles("series");
        var x = new T[windows * seq];
        var y = new T[windows];
        for (var k = 0; k < windows; k++)
        {
            for (var t = 0; t < seq; t++)
            {
                x[(k * seq) + t] = T.CreateChecked(series[k + t]);
            }

            y[k] = T.CreateChecked(series[k + seq]);
        }

        var network = Load<T>(c);
        var optimizer = c.GetProperty("optimizer");
        var adam = new AdamOptions(optimizer.GetProperty("lr").GetDouble(), optimizer.GetProperty("betas")[0].GetDouble(), optimizer.GetProperty("betas")[1].GetDouble(), optimizer.GetProperty("eps").GetDouble());
        using var trainer = new LstmTrainer<T>(network, new LstmTrainerOptions(seq, batch, adam));
        var epochLosses = new List<double>();
        for (var e = 0; e < epochs; e++)
        {
            var sum = 0.0;
            for (var b = 0; b < windows; b += batch)
            {
                sum += trainer.TrainBatch(x, y, Enumerable.Range(b, batch).ToArray());
            }

            epochLosses.Add(sum / (windows / batch));
        }

        var predictions = new T[windows];
        trainer.Predict(x, predictions);
        Fixture.AssertClose(c.Doubles("epoch_mean_batch_loss"), epochLosses, relative, absolute, "epoch loss");
        Fixture.AssertClose(c.Doubles("final_pred"), predictions.Select(double.CreateChecked).ToArray(), relative, absolute, "final_pred");
    }

    private static LstmNetwork<T> Load<T>(JsonElement c)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var spec = new LstmSpec(c.GetProperty("layers").GetInt32(), c.GetProperty("hidden").GetInt32(), 0.0, c.GetProperty("input_size").GetInt32());
        var network = new LstmNetwork<T>(spec);
        var init = c.GetProperty("init");
        var layers = init.GetProperty("layers").EnumerateArray().ToArray();
        for (var l = 0; l < layers.Length; l++)
        {
            network.SetLayer(l, LstmReferenceTests.Cast<T>(layers[l].Doubles("W_ih")), LstmReferenceTests.Cast<T>(layers[l].Doubles("W_hh")), LstmReferenceTests.Cast<T>(layers[l].Doubles("b")));
        }

        network.SetHead(LstmReferenceTests.Cast<T>(init.Doubles("head_W")), T.CreateChecked(init.Doubles("head_b")[0]));
        return network;
    }
}
