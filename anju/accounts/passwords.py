"""Password validators (security.md #1). Replaced by the accounts work."""


class LengthValidator:
    """Placeholder."""

    def validate(self, password, user=None):
        """Placeholder."""

    def get_help_text(self):
        """Placeholder."""
        return ""


CharacterClassValidator = LengthValidator
HistoryValidator = LengthValidator
