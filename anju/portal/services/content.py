"""Writes of policies and guides (政策/指南)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from anju.portal import events
from anju.portal.models import Article
from anju.portal.permissions import article_edit_check

ARTICLE_FIELDS = ("kind", "title", "issuer", "document_number", "published_on", "summary", "body", "is_published")


@transaction.atomic
def article_save(*, acting_user: Any, article: Article | None = None, **fields: Any) -> Article:
    """Create or change a policy or guide (plain text; rendered escaped, paragraphs by blank lines)."""
    article_edit_check(acting_user)
    creating = article is None
    article = article or Article()
    changed = sorted(name for name in ARTICLE_FIELDS if name in fields and getattr(article, name, None) != fields[name])
    for name in ARTICLE_FIELDS:
        if name in fields:
            setattr(article, name, fields[name])
    article.updated_by = acting_user
    article.full_clean()
    article.save()
    events.audit(
        events.RECORD_CREATED if creating else events.RECORD_UPDATED, user=acting_user, obj=article,
        detail={"title": article.title, "fields": changed},
    )  # fmt: skip
    return article
