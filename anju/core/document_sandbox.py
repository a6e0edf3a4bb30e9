"""The only template library editable document templates may use: Django's built-in filters and safe tags.

Left out on purpose: `load` (no custom tags), `include`/`extends` (loader_tags are not installed),
`debug` (would dump the context), `url`, `csrf_token`, `templatetag`, `widthratio` is harmless but
kept, `lorem` and `now` are kept (formatting only).
"""

from django.template import Library, defaultfilters, defaulttags

ALLOWED_TAGS = frozenset(
    {
        "autoescape",
        "comment",
        "cycle",
        "filter",
        "firstof",
        "for",
        "if",
        "ifchanged",
        "now",
        "regroup",
        "resetcycle",
        "spaceless",
        "verbatim",
        "widthratio",
        "with",
    }
)

register = Library()
register.tags.update({name: tag for name, tag in defaulttags.register.tags.items() if name in ALLOWED_TAGS})
register.filters.update(defaultfilters.register.filters)
