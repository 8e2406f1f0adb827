namespace TicketIntakeBenchmark;

/// <summary>The run's accounts: there should be one per sender, each having counted two tickets.</summary>
internal sealed record AccountCheck(int ExpectedAccounts, long Accounts, long AccountsWithTwoTickets)
{
    public bool Passed => Accounts == ExpectedAccounts && AccountsWithTwoTickets == ExpectedAccounts;

    public override string ToString() => Passed
        ? $"PASS ({Accounts} accounts, 2 tickets each)"
        : $"FAIL ({Accounts} accounts, {AccountsWithTwoTickets} with 2 tickets; expected {ExpectedAccounts})";
}
