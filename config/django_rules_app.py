"""django-rules under the app label `django_rules`, so that `rules` is the 保障规则 app (anju.rules)."""

from rules.apps import AutodiscoverRulesConfig


class DjangoRulesConfig(AutodiscoverRulesConfig):
    """django-rules (object permissions; no models), relabelled to free the label `rules`."""

    label = "django_rules"
