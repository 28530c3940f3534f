using System.Collections.Concurrent;
using Hub.LoadTests.Runner;
using Hub.LoadTests.Simulations;
using Microsoft.Extensions.Time.Testing;

namespace Hub.LoadTests.Tests;

public sealed class SimulationTests
{
    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void A_constant_injection_spreads_its_iterations_evenly_over_each_interval()
    {
        var offsets = InjectionSchedule.Offsets(10, 10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)).ToList();

        Assert.Equal(20, offsets.Count);
        Assert.All(offsets.Select((o, k) => (o, k)), p => Assert.Equal(p.k * 100.0, p.o.TotalMilliseconds, 0.001));
    }

    [Fact]
    public void A_ramp_starts_as_many_iterations_as_the_area_under_its_rate()
    {
        // From 0 to 10 per second over 2 s: 10 iterations, closer together towards the end.
        var offsets = InjectionSchedule.Offsets(0, 10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)).ToList();

        Assert.Equal(10, offsets.Count);
        Assert.Equal(0, offsets[0].TotalSeconds);
        Assert.Equal(Math.Sqrt(0.4), offsets[1].TotalSeconds, 0.0001);
        Assert.True(offsets[9] - offsets[8] < offsets[2] - offsets[1]);
    }

    [Fact]
    public void A_rate_per_interval_is_spread_over_that_interval()
    {
        var offsets = InjectionSchedule.Offsets(30, 30, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)).ToList();

        Assert.Equal(30, offsets.Count);
        Assert.Equal(2, offsets[1].TotalSeconds, 0.0001);
    }

    [Theory]
    [InlineData(0, 10, 0.0, 0)]
    [InlineData(0, 10, 0.5, 5)]
    [InlineData(10, 2, 0.25, 8)]
    [InlineData(4, 8, 1.0, 8)]
    public void Ramping_copies_move_linearly(int from, int to, double fraction, int expected) =>
        Assert.Equal(expected, InjectionSchedule.CopiesAt(from, to, TimeSpan.FromSeconds(10 * fraction), TimeSpan.FromSeconds(10)));

    [Fact]
    public void The_parser_reads_every_simulation()
    {
        var plan = SimulationParser.Parse("ramping-constant 10 5s; keep-constant 10 1m; iterations-for-constant 4 100; "
            + "inject 50 30s; ramping-inject 100/2s 10s; pause 500ms");

        Assert.Equal<LoadSimulation>(
        [
            new RampingConstant(10, TimeSpan.FromSeconds(5)),
            new KeepConstant(10, TimeSpan.FromMinutes(1)),
            new IterationsForConstant(4, 100),
            new Inject(50, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)),
            new RampingInject(100, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)),
            new Pause(TimeSpan.FromMilliseconds(500)),
        ], plan);
        Assert.Throws<FormatException>(() => SimulationParser.Parse("keep-constant many 10s"));
        Assert.Throws<FormatException>(() => SimulationParser.Parse("surge 10 10s"));
    }

    [Fact]
    public async Task The_open_model_starts_each_iteration_when_it_is_due_even_if_the_runner_is_late()
    {
        var driver = new SimulationDriver(_clock);
        var intended = new ConcurrentBag<long>();
        var start = _clock.GetTimestamp();

        var run = driver.Run([new Inject(10, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1))], (due, copy, _) =>
        {
            intended.Add(due);
            return Task.CompletedTask;
        }, CancellationToken.None);
        // Steps coarser than the schedule: several iterations fall due at once and keep their own times.
        await _clock.AdvanceUntil(() => run.IsCompleted, TimeSpan.FromMilliseconds(250));
        await run;

        var expected = Enumerable.Range(0, 10).Select(k => start + k * _clock.TimestampFrequency / 10);
        Assert.Equal(expected, intended.Order());
    }

    [Fact]
    public async Task The_closed_model_never_runs_more_copies_than_the_ramp_allows_at_that_moment()
    {
        var driver = new SimulationDriver(_clock);
        var started = new ConcurrentDictionary<int, TimeSpan>();
        var release = new TaskCompletionSource();
        var start = _clock.GetTimestamp();

        var run = driver.Run([new RampingConstant(4, TimeSpan.FromSeconds(1)), new KeepConstant(4, TimeSpan.FromSeconds(1))], async (_, copy, _) =>
        {
            started.TryAdd(copy, _clock.GetElapsedTime(start));
            await release.Task;
            await Task.Delay(TimeSpan.FromMilliseconds(100), _clock);
        }, CancellationToken.None);
        await _clock.AdvanceUntil(() => started.Count == 4, TimeSpan.FromMilliseconds(50));
        release.SetResult();
        await _clock.AdvanceUntil(() => run.IsCompleted, TimeSpan.FromMilliseconds(50));
        await run;

        Assert.Equal([0, 1, 2, 3], started.Keys.Order());
        Assert.All(started, s => Assert.True(InjectionSchedule.CopiesAt(0, 4, s.Value, TimeSpan.FromSeconds(1)) > s.Key,
            $"copy {s.Key} started at {s.Value}"));
    }

    [Fact]
    public async Task Iterations_for_constant_shares_a_fixed_count_between_its_copies()
    {
        var driver = new SimulationDriver(_clock);
        var copies = new ConcurrentBag<int>();

        await driver.Run([new IterationsForConstant(3, 25)], (_, copy, _) =>
        {
            copies.Add(copy);
            return Task.CompletedTask;
        }, CancellationToken.None);

        Assert.Equal(25, copies.Count);
        Assert.Subset(new HashSet<int> { 0, 1, 2 }, copies.ToHashSet());
    }

    [Fact]
    public void The_warm_up_repeats_the_shape_of_the_first_loaded_phase()
    {
        var warmUp = TimeSpan.FromSeconds(10);

        Assert.Equal([new KeepConstant(8, warmUp)],
            LoadRunner.WarmUpPlan([new Pause(TimeSpan.FromSeconds(1)), new RampingConstant(8, TimeSpan.FromSeconds(5))], warmUp));
        Assert.Equal([new Inject(20, TimeSpan.FromSeconds(1), warmUp)],
            LoadRunner.WarmUpPlan([new RampingInject(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30))], warmUp));
    }
}
