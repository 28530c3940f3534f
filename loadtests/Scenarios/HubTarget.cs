namespace Hub.LoadTests.Scenarios;

/// <summary>The deployment under test and the admin who creates the scenarios' accounts and staff.</summary>
public sealed record HubTarget(Uri Address, string AdminUser, string AdminPassword);
