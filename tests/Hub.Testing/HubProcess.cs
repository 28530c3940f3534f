using System.Diagnostics;

namespace Hub.Testing;

/// <summary>
/// A web node or a headless silo as a separate operating-system process, so a test can kill
/// it the way a machine dies: at once, without a chance to shut down.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    // Generous: in the full Test command the browser tests share the two cores with a starting node.
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);

    private readonly Process _process;
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _output = [];

    private HubProcess(string assembly, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [assembly, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in HubAppFactory.LoopbackLimits.Concat(settings))
        {
            start.Environment[key.Replace(":", "__")] = value;
        }
        _process = new Process { StartInfo = start };
        _process.OutputDataReceived += (_, line) => Observe(line.Data);
        _process.ErrorDataReceived += (_, line) => Observe(line.Data);
    }

    /// <summary>The process id, to read what the process holds (its open files, its memory) from /proc.</summary>
    public int Id => _process.Id;

    /// <summary>What the process has written so far, line by line.</summary>
    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_output)
            {
                return [.. _output];
            }
        }
    }

    /// <summary>A headless silo (silo/).</summary>
    public static Task<HubProcess> StartSilo(IReadOnlyDictionary<string, string> settings) =>
        Start(new HubProcess(Built("silo", "Hub.Silo.dll"), [], settings));

    /// <summary>A web node (web/), which is a silo too, listening at <paramref name="address"/>.</summary>
    public static Task<HubProcess> StartWeb(IReadOnlyDictionary<string, string> settings, Uri address) =>
        Start(new HubProcess(Built("web", "Hub.Web.dll"),
            ["--urls", address.ToString().TrimEnd('/'), "--contentRoot", Path.Combine(RepositoryRoot(), "web")], settings));

    private static async Task<HubProcess> Start(HubProcess node)
    {
        node._process.Start();
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        try
        {
            await node._started.Task.WaitAsync(StartDeadline);
        }
        catch (TimeoutException)
        {
            await node.DisposeAsync();
            throw new TimeoutException($"the process did not start:\n{node.Output()}");
        }
        return node;
    }

    /// <summary>Ends the process at once (SIGKILL), like a machine that loses power.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Asks the process to stop (SIGTERM, as systemd does) and waits until it has; answers its exit code.</summary>
    public async Task<int> Stop(TimeSpan within)
    {
        using (var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }
        await _process.WaitForExitAsync().WaitAsync(within);
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private void Observe(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.Add(line);
        }
        if (line.Contains("Application started", StringComparison.Ordinal))
        {
            _started.TrySetResult();
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return string.Join('\n', _output);
        }
    }

    /// <summary>A project's assembly, built in this test assembly's configuration (Debug or Release).</summary>
    private static string Built(string project, string assembly)
    {
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var path = Path.Combine(RepositoryRoot(), project, "bin", configuration, "net10.0", assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"build the solution first: {assembly} is missing", path);
    }

    /// <summary>The folder holding Hub.sln, found above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Hub.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Hub.sln not found above the test assembly");
    }
}
