"""Writes of accounts: passwords, sessions, roles, organisations, users, OTP, demo accounts."""
