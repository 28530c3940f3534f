using Hub.LoadTests.Runner;
using Hub.LoadTests.Thresholds;

namespace Hub.LoadTests.Tests;

public sealed class ThresholdTests
{
    [Theory]
    [InlineData("p99<200", null, "p99", "<", 200)]
    [InlineData("send:p99 < 200", "send", "p99", "<", 200)]
    [InlineData("fail%<1", null, "fail%", "<", 1)]
    [InlineData("lost=0", null, "lost", "=", 0)]
    [InlineData("citizen-chat.send:p99.9<=350.5", "citizen-chat.send", "p99.9", "<=", 350.5)]
    [InlineData("vote:rps>=40", "vote", "rps", ">=", 40)]
    [InlineData("out_of_order==0", null, "out_of_order", "=", 0)]
    public void Parses_step_metric_operator_and_limit(string text, string? step, string metric, string op, double limit)
    {
        var threshold = Threshold.Parse(text);

        Assert.Equal((step, metric, op, limit), (threshold.Step, threshold.Metric, threshold.Operator, threshold.Limit));
    }

    [Theory]
    [InlineData("p99")]
    [InlineData("p99<")]
    [InlineData("<200")]
    [InlineData("p99~200")]
    public void Refuses_what_is_not_a_threshold(string text) => Assert.Throws<FormatException>(() => Threshold.Parse(text));

    [Fact]
    public void An_unqualified_latency_threshold_must_hold_for_every_step_with_answers()
    {
        var steps = new[] { Step("send", p99: 120), Step("delivery", p99: 260), Step("idle", p99: 0, ok: 0) };

        var (passed, detail) = ThresholdEvaluator.Evaluate(Threshold.Parse("p99<200"), steps, final: true);

        Assert.False(passed);
        Assert.Equal("delivery 260", detail);
        Assert.True(ThresholdEvaluator.Evaluate(Threshold.Parse("send:p99<200"), steps, final: true).Passed);
    }

    [Fact]
    public void Counters_fail_percentages_and_rates_are_checked_against_the_right_values()
    {
        var steps = new[] { Step("send", p99: 10, ok: 990, fail: 10, rps: 99, counters: new() { ["lost"] = 0 }), Step("delivery", p99: 10, counters: new() { ["lost"] = 3 }) };

        Assert.False(ThresholdEvaluator.Evaluate(Threshold.Parse("lost=0"), steps, final: true).Passed);
        Assert.True(ThresholdEvaluator.Evaluate(Threshold.Parse("send:lost=0"), steps, final: true).Passed);
        Assert.True(ThresholdEvaluator.Evaluate(Threshold.Parse("send:fail%<=1"), steps, final: true).Passed);
        Assert.False(ThresholdEvaluator.Evaluate(Threshold.Parse("send:fail%<1"), steps, final: true).Passed);
        Assert.True(ThresholdEvaluator.Evaluate(Threshold.Parse("send:rps>90"), steps, final: true).Passed);
        Assert.False(ThresholdEvaluator.Evaluate(Threshold.Parse("nosuchstep:p99<1"), steps, final: true).Passed);
    }

    [Fact]
    public void During_the_run_a_percentile_is_judged_only_on_enough_answers()
    {
        var few = new[] { Step("send", p99: 900, ok: 10) };
        var enough = new[] { Step("send", p99: 900, ok: ThresholdEvaluator.MinimumSamplesDuringRun) };
        var threshold = Threshold.Parse("p99<200");

        Assert.True(ThresholdEvaluator.Evaluate(threshold, few, final: false).Passed);
        Assert.False(ThresholdEvaluator.Evaluate(threshold, enough, final: false).Passed);
    }

    [Fact]
    public void A_threshold_that_failed_during_the_run_fails_it_even_if_it_holds_at_the_end()
    {
        var monitor = new ThresholdMonitor([Threshold.Parse("p99<200"), Threshold.Parse("fail%<5")]);

        monitor.CheckDuringRun([Step("send", p99: 500, ok: 200)], elapsedSeconds: 3);
        var outcomes = monitor.CheckAtEnd([Step("send", p99: 150, ok: 2000)], elapsedSeconds: 60);

        Assert.False(outcomes[0].Passed);
        Assert.Equal(3, outcomes[0].FirstFailedAtSeconds);
        Assert.True(outcomes[1].Passed);
        Assert.Null(outcomes[1].FirstFailedAtSeconds);
    }

    private static StepSnapshot Step(string name, double p99, long ok = 1000, long fail = 0, double rps = 10, Dictionary<string, long>? counters = null) =>
        new("s", name, ok, fail, rps, LatencySummary.Empty with { P99 = p99 }, 0, new Dictionary<string, long>(), counters ?? []);
}
