"""The document platform: printable PDFs (WeasyPrint) and editable notice templates.

- `render_pdf(template_name=..., context=...)` renders a trusted HTML template from
  `templates/documents/` to an A4 PDF with the Noto CJK fonts, the print stylesheet
  `core/print.css` and a page counter (第 N 页 / 共 M 页).
- Apps declare the notices they print in a module `<app>/documents.py` with
  `register_document(code=..., name=..., title=..., default_body=..., sample_context=...)`.
  The system administrator may replace the body (`DocumentTemplate`, versioned); the body is
  rendered by a sandboxed Django engine (`document_sandbox`: built-in filters and safe tags
  only, no `load`/`include`/`extends`, no templates from disk) with only the given context.
- `document_render(code=..., context=...)` gives `(title, pdf_bytes)` of the active version.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.template import Context, Engine, TemplateSyntaxError
from django.template.loader import render_to_string
from django.utils.module_loading import autodiscover_modules
from django.utils.safestring import mark_safe

PRINT_CSS = "core/print.css"
FRAME_TEMPLATE = "documents/notice.html"


@dataclass(frozen=True)
class DocumentSpec:
    """A notice an app can print: its code, names, default body and a sample context for previews."""

    code: str
    name: str
    title: str
    default_body: str
    sample_context: dict[str, Any] = field(default_factory=dict)


_REGISTRY: dict[str, DocumentSpec] = {}
_discovered = False


def register_document(
    *, code: str, name: str, title: str, default_body: str, sample_context: dict[str, Any]
) -> DocumentSpec:
    """Declare a printable notice (called from `<app>/documents.py`)."""
    spec = DocumentSpec(
        code=code, name=name, title=title, default_body=default_body, sample_context=dict(sample_context)
    )
    _REGISTRY[code] = spec
    return spec


def document_specs() -> dict[str, DocumentSpec]:
    """Every declared notice by code (imports each installed app's `documents` module once)."""
    global _discovered
    if not _discovered:
        autodiscover_modules("documents")
        _discovered = True
    return dict(sorted(_REGISTRY.items()))


def document_spec(code: str) -> DocumentSpec:
    """One declared notice, or `LookupError`."""
    specs = document_specs()
    if code not in specs:
        raise LookupError(f"未登记的文书：{code}")
    return specs[code]


class _SandboxEngine(Engine):
    """Django's engine without its default builtins (defaulttags with `load`/`url`/`debug`, loader_tags)."""

    default_builtins: list[str] = []


@cache
def sandbox_engine() -> Engine:
    """A template engine with no loaders, no custom libraries and the sandbox builtins only."""
    return _SandboxEngine(
        dirs=[],
        app_dirs=False,
        loaders=[("django.template.loaders.locmem.Loader", {})],
        libraries={},
        builtins=["anju.core.document_sandbox"],
        autoescape=True,
        string_if_invalid="",
        debug=False,
    )


def body_compile_check(body: str) -> None:
    """Raise a Chinese `ValidationError` when the body is not valid sandboxed template source."""
    try:
        sandbox_engine().from_string(body)
    except TemplateSyntaxError as exc:
        raise ValidationError({"body": [f"模板语法错误：{exc}"]}) from exc


def body_render(body: str, context: dict[str, Any]) -> str:
    """Render an editable body with only `context` (values should be plain strings, numbers, dates, lists)."""
    template = sandbox_engine().from_string(body)
    return template.render(Context(dict(context), autoescape=True))


def _font_config() -> Any:
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


def _print_stylesheet() -> Path:
    found = finders.find(PRINT_CSS)
    if not found:
        raise FileNotFoundError(PRINT_CSS)
    return Path(found)


def render_pdf(*, template_name: str, context: dict[str, Any], base_url: str | None = None) -> bytes:
    """Render a trusted HTML template (keep it under templates/documents/) to A4 PDF bytes."""
    from weasyprint import CSS, HTML

    html = render_to_string(template_name, context)
    fonts = _font_config()
    stylesheet = CSS(filename=str(_print_stylesheet()), font_config=fonts)
    document = HTML(string=html, base_url=base_url or str(settings.BASE_DIR))
    return document.write_pdf(stylesheets=[stylesheet], font_config=fonts)


def document_render_html(*, code: str, context: dict[str, Any], body: str | None = None) -> tuple[str, str]:
    """The title and the rendered body HTML of a notice (active version unless `body` is given)."""
    from anju.core.selectors import document_template_active

    spec = document_spec(code)
    active = document_template_active(code=code)
    title = active.title if active else spec.title
    source = body if body is not None else (active.body if active else spec.default_body)
    return title, body_render(source, context)


def document_render(
    *, code: str, context: dict[str, Any], body: str | None = None, footer: str = ""
) -> tuple[str, bytes]:
    """The title and the PDF of a notice rendered from its editable template."""
    title, body_html = document_render_html(code=code, context=context, body=body)
    pdf = render_pdf(
        template_name=FRAME_TEMPLATE,
        context={"title": title, "body": mark_safe(body_html), "footer": footer},  # noqa: S308 - sandboxed render, variables autoescaped
    )
    return title, pdf
