"""Staff pages of the portal: editing policies and guides (政策/指南)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from anju.portal.forms import ArticleForm
from anju.portal.models import Article
from anju.portal.permissions import can_edit_articles
from anju.portal.services.content import ARTICLE_FIELDS, article_save


def _editor(request: HttpRequest) -> None:
    if not can_edit_articles(request.user):
        raise PermissionDenied("只有市住房保障部门或系统管理员可以编辑政策和办事指南。")


@login_required
def article_list_view(request: HttpRequest) -> HttpResponse:
    """政策指南管理: every article, published or not."""
    _editor(request)
    articles = Article.objects.select_related("updated_by").order_by("-published_on", "-id")
    context = {"page_title": "政策指南管理", "breadcrumbs": [("政策指南管理", None)], "articles": articles}
    return render(request, "portal/staff/article_list.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def article_edit_view(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    """新增/编辑 a policy or guide."""
    _editor(request)
    article = None
    if pk is not None:
        article = Article.objects.filter(pk=pk).first()
        if article is None:
            raise Http404("文章不存在。")
    form = ArticleForm(request.POST or None, instance=article)
    if request.method == "POST" and form.is_valid():
        try:
            saved = article_save(
                acting_user=request.user, article=article, **{k: form.cleaned_data[k] for k in ARTICLE_FIELDS}
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for message in errors:
                    form.add_error(field if field in form.fields else None, message)
        else:
            messages.success(request, f"“{saved.title}”已保存。")
            return HttpResponseRedirect(reverse("portal:staff_articles"))
    title = "编辑政策指南" if article else "新增政策指南"
    context = {
        "form": form, "page_title": title, "cancel_url": reverse("portal:staff_articles"),
        "breadcrumbs": [("政策指南管理", reverse("portal:staff_articles")), (title, None)],
    }  # fmt: skip
    return render(request, "core/form.html", context)
