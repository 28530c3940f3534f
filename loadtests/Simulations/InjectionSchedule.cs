namespace Hub.LoadTests.Simulations;

/// <summary>
/// When the open model starts its iterations. The rate may ramp linearly within a phase, so
/// the k-th start is where the number of iterations due so far (the integral of the rate)
/// reaches k; starting from that schedule rather than from the previous start keeps the rate
/// exact even when the runner falls behind.
/// </summary>
public static class InjectionSchedule
{
    /// <summary>Offsets from the start of the phase, in order.</summary>
    public static IEnumerable<TimeSpan> Offsets(double fromRate, double toRate, TimeSpan interval, TimeSpan during)
    {
        var d = during.TotalSeconds;
        var i = interval.TotalSeconds;
        if (d <= 0 || i <= 0 || (fromRate <= 0 && toRate <= 0))
        {
            yield break;
        }
        // Iterations due by time t: n(t) = (from * t + (to - from) * t^2 / (2d)) / i.
        var a = (toRate - fromRate) / (2 * d * i);
        var b = fromRate / i;
        for (long k = 0; ; k++)
        {
            var t = Math.Abs(a) < 1e-12 ? k / b : (-b + Math.Sqrt(b * b + 4 * a * k)) / (2 * a);
            if (double.IsNaN(t) || t >= d)
            {
                yield break;
            }
            yield return TimeSpan.FromTicks((long)Math.Round(t * TimeSpan.TicksPerSecond));
        }
    }

    /// <summary>The closed model's copies at a moment of a ramping phase.</summary>
    public static int CopiesAt(int fromCopies, int toCopies, TimeSpan elapsed, TimeSpan during) =>
        during <= TimeSpan.Zero || elapsed >= during
            ? toCopies
            : (int)Math.Round(fromCopies + (toCopies - fromCopies) * (elapsed / during));
}
