"""CJJ/T 196 Appendix A data sets held by the archive app (electronic archives)."""

DATA_SETS = {
    "A.3.15": {
        "model": "archive.ArchiveFile",
        "fields": {
            "档案编号": "number",
            "申请编号": "application_number",
            "档案类型": "file_type",
            "办理阶段": "stage",
            "档案名称": "title",
            "档案内容": "file",
            "登记时间": "uploaded_at",
        },
    },
    "A.5.7": {
        "model": "archive.ArchiveFile",
        "fields": {
            "证件电子档案编号": "number",
            "证书编号": "certificate_number",
            "所属卷序号": "volume_number",
            "所属卷编码": "volume_code",
            "所属卷名称": "volume_name",
            "宗序号": "piece_number",
            "宗编码": "piece_code",
            "宗名称": "piece_name",
            "所属卷总页数": "volume_page_count",
            "宗总页数": "piece_page_count",
            "图像名称": "original_name",
            "图像起始页码": "start_page",
            "证书扫描件": "file",
        },
    },
    "A.7.4": {
        "model": "archive.ArchiveFile",
        "fields": {
            "档案编号": "number",
            "合同编号": "owner_number",
            "申请编号": "application_number",
            "档案名称": "title",
            "档案内容说明": "note",
            "增加时间": "uploaded_at",
            "增加人": "uploaded_by",
            "最后更新时间": "updated_at",
            "最后更新人": "updated_by",
        },
    },
}
