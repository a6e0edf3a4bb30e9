"""Forms of the audit pages."""

from django import forms


class RevealForm(forms.Form):
    """Which personal field of which record to show in plain text, and why."""

    content_type = forms.CharField(label="对象类型", max_length=100)
    object_id = forms.CharField(label="对象标识", max_length=64)
    field = forms.CharField(label="字段", max_length=64)
    reason = forms.CharField(label="查看事由", max_length=200, required=False)
