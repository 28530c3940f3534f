namespace Hub.LoadTests.CommandLine;

/// <summary>What the process answers: 0 passed, 1 a threshold failed, 2 a wrong command line, 3 the run could not be made.</summary>
public static class ExitCodes
{
    public const int Passed = 0;
    public const int ThresholdFailed = 1;
    public const int Usage = 2;
    public const int RunFailed = 3;
}
