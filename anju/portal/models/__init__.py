"""Models of the public portal: applicant sign-up codes, online applications, policies and guides."""

from anju.portal.models.accounts import VerificationCode
from anju.portal.models.content import Article, ArticleKind
from anju.portal.models.online import OnlineApplication

__all__ = ["Article", "ArticleKind", "OnlineApplication", "VerificationCode"]
