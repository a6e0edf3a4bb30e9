"""Staff pages of accounts, one module per area."""
