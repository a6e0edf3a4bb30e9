"""Template helpers of the staff and portal UI (Bootstrap widgets without inline styles)."""

from django import template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

register = template.Library()

_CLASS_BY_WIDGET = {
    "checkbox": "form-check-input",
    "radio": "form-check-input",
    "select": "form-select",
    "selectmultiple": "form-select",
    "nullbooleanselect": "form-select",
    "clearablefile": "form-control",
    "file": "form-control",
}


@register.filter
def bootstrap(field: BoundField, size: str = "") -> SafeString:
    """Render a bound field's widget with Bootstrap classes, invalid state and aria hints.

    `{{ field|bootstrap }}` or `{{ field|bootstrap:"sm" }}` for dense filter forms.
    """
    if not isinstance(field, BoundField):
        return field
    widget = field.field.widget
    attrs = dict(widget.attrs)
    base = _CLASS_BY_WIDGET.get(field.widget_type, "form-control")
    classes = [attrs.get("class", ""), base]
    if size and base in ("form-control", "form-select"):
        classes.append(f"{base}-{size}")
    described = []
    if field.errors:
        classes.append("is-invalid")
        attrs["aria-invalid"] = "true"
        described.append(f"{field.auto_id}_errors")
    if field.help_text:
        described.append(f"{field.auto_id}_help")
    if described:
        attrs["aria-describedby"] = " ".join(described)
    attrs["class"] = " ".join(dict.fromkeys(c for part in classes for c in part.split()))
    return field.as_widget(attrs=attrs)
