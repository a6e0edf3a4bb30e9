"""Platform signals that the audit app listens to (core imports no other app)."""

from django.dispatch import Signal

# sent by list exports: sender=view class, user, request, model_label, row_count, filters
data_exported = Signal()
# sent when a person's identifier is shown unmasked: user, request, obj, field, reason
personal_data_revealed = Signal()
