namespace Hub.LoadTests.Runner;

/// <summary>What a scenario uses to measure: its name, the clock, the shared measurements, and how fast it may open connections.</summary>
public sealed class ScenarioContext(string scenario, Measurements measurements, double? connectRate = null)
{
    /// <summary>Connections a second while setting up; null opens them as fast as they open.</summary>
    public double? ConnectRate => connectRate;

    public string Scenario => scenario;

    public TimeProvider Clock => measurements.Clock;

    public Measurements Measurements => measurements;

    public long Now() => Clock.GetTimestamp();

    /// <summary>Records a push that reached a client: its latency runs from when the call that caused it started.</summary>
    public void Delivered(string step, long causeStartedAt, long bytes = 0) =>
        measurements.Record(scenario, step, causeStartedAt, Clock.GetElapsedTime(causeStartedAt), bytes);

    public void Failed(string step, long startedAt, string errorCode) =>
        measurements.Record(scenario, step, startedAt, Clock.GetElapsedTime(startedAt), 0, errorCode);

    public void Count(string step, string counter, long amount = 1) => measurements.Count(scenario, step, counter, amount);

    public void Gauge(string step, string gauge, long value) => measurements.Gauge(scenario, step, gauge, value);

    public void Declare(string step) => measurements.Declare(scenario, step);

    /// <summary>Times one call as a step; failures are counted by error code and never thrown.</summary>
    public async Task<StepResult<T>> Step<T>(string step, Func<Task<T>> call, Func<T, long>? bytes = null, long? startedAt = null)
    {
        var start = startedAt ?? Now();
        try
        {
            var value = await call();
            measurements.Record(scenario, step, start, Clock.GetElapsedTime(start), bytes?.Invoke(value) ?? 0);
            return StepResult<T>.Ok(value);
        }
        catch (Exception error)
        {
            var code = ErrorCodes.Classify(error);
            measurements.Record(scenario, step, start, Clock.GetElapsedTime(start), 0, code);
            return StepResult<T>.Failed(code);
        }
    }
}
