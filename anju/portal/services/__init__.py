"""Writes of anju.portal (style.md 2): accounts, online applications, policies and guides."""
