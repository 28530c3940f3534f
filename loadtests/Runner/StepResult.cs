namespace Hub.LoadTests.Runner;

/// <summary>The answer of one step: its value when it succeeded, its error code when it failed.</summary>
public readonly record struct StepResult<T>(bool IsOk, T? Value, string? ErrorCode)
{
    public static StepResult<T> Ok(T value) => new(true, value, null);

    public static StepResult<T> Failed(string errorCode) => new(false, default, errorCode);
}
