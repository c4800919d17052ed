using GanTuner.Data.Protocols;
using MathNet.Numerics.LinearAlgebra;

namespace GanTuner.Forecasting.Skill;

/// <summary>
/// A linear autoregression AR(p) with intercept on the dataset's target values (prices for the level target,
/// log returns for the log-return target), fitted by ridge least squares on the training windows' target rows.
/// The order p is chosen on the validation split, or, where a protocol has none, on the last tenth of the
/// training rows; then the model is refitted on all training rows. A linear model extrapolates, so it shows
/// what "skill" a straight line reaches on the same windows.
/// </summary>
public sealed class AutoregressiveBaseline
{
    /// <summary>The orders tried when none are given.</summary>
    public static readonly IReadOnlyList<int> DefaultLags = [1, 2, 3, 5, 7, 10, 14, 20, 30];

    // Ridge penalty per standardised lag column and training row: numerical safety, not a prior.
    private const double Ridge = 1e-6;

    private readonly double[] _values;
    private readonly double[] _coefficients;

    private AutoregressiveBaseline(ForecastDataset data, double[] values, int lags, double[] coefficients)
    {
        Target = data.Spec.Target;
        _values = values;
        Lags = lags;
        _coefficients = coefficients;
    }

    /// <summary>The order p.</summary>
    public int Lags { get; }

    public ForecastTarget Target { get; }

    /// <summary>Intercept, then the coefficient of lag 1, 2, … p.</summary>
    public IReadOnlyList<double> Coefficients => _coefficients;

    /// <summary>Fits AR(p) for each candidate order and keeps the one with the lowest selection MSE.</summary>
    /// <exception cref="InvalidOperationException">No candidate order has enough training rows.</exception>
    public static AutoregressiveBaseline Fit(ForecastDataset data, IReadOnlyList<int>? lags = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        var values = Values(data);
        var start = data.Spec.Target == ForecastTarget.Level ? 0 : 1;
        var train = data.Train.TargetRows;
        int[] fitRows, selectRows;
        if (data.Validation.Count > 0)
        {
            (fitRows, selectRows) = (train, data.Validation.TargetRows);
        }
        else
        {
            var cut = train.Length - Math.Max(1, train.Length / 10);
            (fitRows, selectRows) = (train[..cut], train[cut..]);
        }

        var candidates = lags ?? DefaultLags;
        var maxLag = candidates.Max();
        var best = (Lags: 0, Mse: double.PositiveInfinity);
        foreach (var p in candidates)
        {
            var beta = Solve(values, fitRows, p, start);
            if (beta is null)
            {
                continue;
            }

            // Every order is scored on the same rows: those with the largest order's lags.
            var sse = 0.0;
            var scored = 0;
            foreach (var t in selectRows.Where(t => t - maxLag >= start))
            {
                var e = Predict(values, beta, t) - values[t];
                sse += e * e;
                scored++;
            }

            if (scored > 0 && sse / scored < best.Mse)
            {
                best = (p, sse / scored);
            }
        }

        var final = best.Lags > 0 ? Solve(values, train, best.Lags, start) : null;
        return final is null
            ? throw new InvalidOperationException("too few training rows for any autoregression order")
            : new AutoregressiveBaseline(data, values, best.Lags, final);
    }

    /// <summary>The model's one-step forecasts of each window's close in <paramref name="split"/>.</summary>
    public double[] PredictPrices(WindowSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        var prices = new double[split.Count];
        for (var i = 0; i < split.Count; i++)
        {
            var t = split.TargetRows[i];
            if (t - Lags < (Target == ForecastTarget.Level ? 0 : 1))
            {
                // Too early for p lags: persistence stands in (only early training windows can be this short).
                prices[i] = split.PreviousClose[i];
                continue;
            }

            var value = Predict(_values, _coefficients, t);
            prices[i] = Target == ForecastTarget.Level ? value : split.PreviousClose[i] * Math.Exp(value);
        }

        return prices;
    }

    private static double[] Values(ForecastDataset data)
    {
        var prices = data.Prices;
        if (data.Spec.Target == ForecastTarget.Level)
        {
            return prices;
        }

        var returns = new double[prices.Length];
        for (var t = 1; t < prices.Length; t++)
        {
            returns[t] = Math.Log(prices[t] / prices[t - 1]);
        }

        return returns;
    }

    private static double Predict(double[] values, double[] beta, int t)
    {
        var sum = beta[0];
        for (var j = 1; j < beta.Length; j++)
        {
            sum += beta[j] * values[t - j];
        }

        return sum;
    }

    // Ridge normal equations, the penalty scaled by each lag's own sum of squares so it is the same on any price scale.
    private static double[]? Solve(double[] values, int[] rows, int p, int start)
    {
        var usable = rows.Where(t => t - p >= start).ToArray();
        if (usable.Length < p + 2)
        {
            return null;
        }

        // Centred columns keep the intercept out of the normal equations, which prices would make ill-conditioned.
        var n = usable.Length;
        var means = new double[p + 1];
        for (var j = 0; j <= p; j++)
        {
            means[j] = usable.Average(t => values[t - j]);
        }

        var x = Matrix<double>.Build.Dense(n, p, (i, j) => values[usable[i] - j - 1] - means[j + 1]);
        var y = Vector<double>.Build.Dense(n, i => values[usable[i]] - means[0]);
        var gram = x.TransposeThisAndMultiply(x);
        for (var j = 0; j < p; j++)
        {
            gram[j, j] += Ridge * Math.Max(gram[j, j], 1e-300);
        }

        var slopes = gram.Solve(x.TransposeThisAndMultiply(y));
        var beta = new double[p + 1];
        beta[0] = means[0];
        for (var j = 1; j <= p; j++)
        {
            beta[j] = slopes[j - 1];
            beta[0] -= slopes[j - 1] * means[j];
        }

        return beta.All(double.IsFinite) ? beta : null;
    }
}
