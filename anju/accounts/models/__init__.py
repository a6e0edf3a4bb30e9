"""Accounts: organisations, users, role grants, password history, login sessions."""

from anju.accounts.models.organisations import Organisation, OrganisationKind
from anju.accounts.models.sessions import UserSession
from anju.accounts.models.users import PasswordHistory, RoleGrant, User

__all__ = ["Organisation", "OrganisationKind", "PasswordHistory", "RoleGrant", "User", "UserSession"]
