namespace TicketIntakeBenchmark;

/// <summary>The run's accounts: there should be one per sender, each having counted two tickets.</summary>
internal sealed record AccountCheck(int ExpectedAccounts, long Accounts, long AccountsWithTwoTickets)
{
    public bool Passed => Accounts == ExpectedAccounts && AccountsWithTwoTickets == ExpectedAccounts;

    public override string ToString() => Passed
        ? FormattableString.Invariant($"PASS ({Accounts:N0} accounts, 2 tickets each)")
        : FormattableString.Invariant($"FAIL ({Accounts:N0} accounts, {AccountsWithTwoTickets:N0} with 2 tickets; expected {ExpectedAccounts:N0})");
}
