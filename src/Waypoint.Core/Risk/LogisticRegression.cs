namespace Waypoint.Core.Risk;

/// <summary>
/// Logistic regression with an L2 penalty, fitted by Newton's method on standardised features (ADR 0006). Small
/// feature counts make each step an exact solve, so a fit is deterministic and converges in a handful of steps.
/// </summary>
public static class LogisticRegression
{
    public sealed record Fit(double Intercept, double[] Weights, int Iterations);

    /// <param name="x">Rows of features.</param>
    /// <param name="y">Outcomes, 0 or 1.</param>
    /// <param name="lambda">L2 penalty on the standardised weights (not the intercept).</param>
    public static Fit Train(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double lambda = 1.0, int maxIterations = 50)
    {
        if (x.Count == 0 || x.Count != y.Count)
        {
            throw new ArgumentException("Training needs as many outcomes as rows, and at least one row.");
        }

        var n = x.Count;
        var k = x[0].Length;
        var mean = new double[k];
        var scale = new double[k];
        foreach (var row in x)
        {
            for (var j = 0; j < k; j++)
            {
                mean[j] += row[j] / n;
            }
        }

        foreach (var row in x)
        {
            for (var j = 0; j < k; j++)
            {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
            }
        }

        for (var j = 0; j < k; j++)
        {
            scale[j] = scale[j] > 1e-12 ? Math.Sqrt(scale[j]) : 1;
        }

        // beta[0] is the intercept; beta[1..k] the standardised weights.
        var beta = new double[k + 1];
        var positives = y.Count(v => v);
        beta[0] = Math.Log((positives + 0.5) / (n - positives + 0.5));
        var z = new double[k + 1];
        var iterations = 0;
        for (; iterations < maxIterations; iterations++)
        {
            var gradient = new double[k + 1];
            var hessian = new double[k + 1, k + 1];
            for (var i = 0; i < n; i++)
            {
                z[0] = 1;
                for (var j = 0; j < k; j++)
                {
                    z[j + 1] = (x[i][j] - mean[j]) / scale[j];
                }

                var eta = 0.0;
                for (var j = 0; j <= k; j++)
                {
                    eta += beta[j] * z[j];
                }

                var p = Sigmoid(eta);
                var w = Math.Max(p * (1 - p), 1e-10);
                var r = (y[i] ? 1 : 0) - p;
                for (var a = 0; a <= k; a++)
                {
                    gradient[a] += r * z[a];
                    var wa = w * z[a];
                    for (var b = a; b <= k; b++)
                    {
                        hessian[a, b] += wa * z[b];
                    }
                }
            }

            for (var a = 0; a <= k; a++)
            {
                for (var b = 0; b < a; b++)
                {
                    hessian[a, b] = hessian[b, a];
                }
            }

            for (var j = 1; j <= k; j++)
            {
                gradient[j] -= lambda * beta[j];
                hessian[j, j] += lambda;
            }

            var step = Solve(hessian, gradient);
            var before = PenalisedLikelihood(beta);
            var t = 1.0;
            var candidate = new double[k + 1];
            for (var halving = 0; halving < 30; halving++, t /= 2)
            {
                for (var j = 0; j <= k; j++)
                {
                    candidate[j] = beta[j] + (t * step[j]);
                }

                if (PenalisedLikelihood(candidate) >= before - 1e-9)
                {
                    break;
                }
            }

            var change = 0.0;
            for (var j = 0; j <= k; j++)
            {
                change = Math.Max(change, Math.Abs(candidate[j] - beta[j]));
                beta[j] = candidate[j];
            }

            if (change < 1e-8)
            {
                iterations++;
                break;
            }
        }

        double PenalisedLikelihood(double[] b)
        {
            var total = 0.0;
            for (var i = 0; i < n; i++)
            {
                var eta = b[0];
                for (var j = 0; j < k; j++)
                {
                    eta += b[j + 1] * (x[i][j] - mean[j]) / scale[j];
                }

                total += y[i] ? -Softplus(-eta) : -Softplus(eta);
            }

            for (var j = 1; j <= k; j++)
            {
                total -= lambda * b[j] * b[j] / 2;
            }

            return total;
        }

        // Back to the raw feature scale, so scoring and explanations need no standardisation.
        var weights = new double[k];
        var intercept = beta[0];
        for (var j = 0; j < k; j++)
        {
            weights[j] = beta[j + 1] / scale[j];
            intercept -= weights[j] * mean[j];
        }

        return new Fit(intercept, weights, iterations);
    }

    private static double Softplus(double v) => v > 30 ? v : Math.Log(1 + Math.Exp(v));

    public static double Sigmoid(double v) => v >= 0 ? 1 / (1 + Math.Exp(-v)) : Math.Exp(v) / (1 + Math.Exp(v));

    public static double Logit(double p)
    {
        var q = Math.Clamp(p, 1e-9, 1 - 1e-9);
        return Math.Log(q / (1 - q));
    }

    /// <summary>
    /// Platt scaling: fits p = sigmoid(a * score + b) to outcomes on data the model was not fitted on, with Platt's
    /// smoothed targets so a cohort without positives cannot push the fit to infinity.
    /// </summary>
    public static (double A, double B) FitPlatt(IReadOnlyList<double> scores, IReadOnlyList<bool> y)
    {
        var positives = y.Count(v => v);
        var negatives = y.Count - positives;
        var high = (positives + 1.0) / (positives + 2.0);
        var low = 1.0 / (negatives + 2.0);
        double a = 1, b = 0;
        for (var iteration = 0; iteration < 100; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 1e-9, h01 = 0, h11 = 1e-9;
            for (var i = 0; i < scores.Count; i++)
            {
                var p = Sigmoid((a * scores[i]) + b);
                var t = y[i] ? high : low;
                var w = Math.Max(p * (1 - p), 1e-10);
                g0 += (t - p) * scores[i];
                g1 += t - p;
                h00 += w * scores[i] * scores[i];
                h01 += w * scores[i];
                h11 += w;
            }

            var det = (h00 * h11) - (h01 * h01);
            var da = ((h11 * g0) - (h01 * g1)) / det;
            var db = ((h00 * g1) - (h01 * g0)) / det;
            a += da;
            b += db;
            if (Math.Abs(da) + Math.Abs(db) < 1e-10)
            {
                break;
            }
        }

        return (a, b);
    }

    private static double[] Solve(double[,] matrix, double[] vector)
    {
        // Cholesky: the penalised Hessian is symmetric positive definite.
        var n = vector.Length;
        var l = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = matrix[i, j];
                for (var m = 0; m < j; m++)
                {
                    sum -= l[i, m] * l[j, m];
                }

                l[i, j] = i == j ? Math.Sqrt(Math.Max(sum, 1e-12)) : sum / l[j, j];
            }
        }

        var forward = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = vector[i];
            for (var m = 0; m < i; m++)
            {
                sum -= l[i, m] * forward[m];
            }

            forward[i] = sum / l[i, i];
        }

        var result = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = forward[i];
            for (var m = i + 1; m < n; m++)
            {
                sum -= l[m, i] * result[m];
            }

            result[i] = sum / l[i, i];
        }

        return result;
    }
}
