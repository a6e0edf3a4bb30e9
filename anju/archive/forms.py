"""Forms of the e-archive pages (they keep what was typed; errors are Chinese)."""

from django import forms
from django.conf import settings

from anju.archive.choices import Stage
from anju.archive.selectors import file_type_choices
from anju.archive.validators import allowed_extensions_text


class ArchiveUploadForm(forms.Form):
    """上传档案: the file and how it is catalogued."""

    owner = forms.CharField(widget=forms.HiddenInput)
    file = forms.FileField(label="文件", error_messages={"required": "请选择要上传的文件。"})
    file_type = forms.ChoiceField(label="档案类型", choices=())
    stage = forms.ChoiceField(label="办理阶段", choices=Stage.choices)
    title = forms.CharField(label="档案名称", max_length=200, required=False, help_text="不填则使用文件名。")
    note = forms.CharField(label="档案内容说明", required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file_type"].choices = [("", "请选择"), *file_type_choices()]
        self.fields["stage"].choices = [("", "请选择"), *Stage.choices]
        limit_mb = settings.ARCHIVE_MAX_UPLOAD_BYTES // (1024 * 1024)
        self.fields["file"].help_text = f"允许的类型：{allowed_extensions_text()}；不超过 {limit_mb} MB。"
        for name, field in self.fields.items():
            if name != "owner":
                css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
                field.widget.attrs.setdefault("class", css)


class ArchiveCatalogueForm(forms.Form):
    """卷宗信息 (A.5.7, optional): where a scanned certificate sits in the paper archive."""

    certificate_number = forms.CharField(label="证书编号", max_length=64, required=False)
    volume_number = forms.IntegerField(label="所属卷序号", min_value=0, required=False)
    volume_code = forms.CharField(label="所属卷编码", max_length=64, required=False)
    volume_name = forms.CharField(label="所属卷名称", max_length=200, required=False)
    volume_page_count = forms.IntegerField(label="所属卷总页数", min_value=0, required=False)
    piece_number = forms.IntegerField(label="宗序号", min_value=0, required=False)
    piece_code = forms.CharField(label="宗编码", max_length=64, required=False)
    piece_name = forms.CharField(label="宗名称", max_length=200, required=False)
    piece_page_count = forms.IntegerField(label="宗总页数", min_value=0, required=False)
    start_page = forms.IntegerField(label="图像起始页码", min_value=0, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "catalogue")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.setdefault("class", "form-control")

    def catalogue(self) -> dict:
        """The filled-in values only."""
        return {key: value for key, value in self.cleaned_data.items() if value not in (None, "")}


class ArchiveDeleteForm(forms.Form):
    """删除档案: a reason is required (the file stays and can be restored)."""

    reason = forms.CharField(
        label="删除原因", max_length=200, error_messages={"required": "请填写删除原因。"},
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm", "placeholder": "删除原因（必填）"}),
    )
