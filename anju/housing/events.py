"""Domain events of the 建设项目 subsystem (detail.event of the audit record) and their Chinese names."""

from django.db import models


class HousingEvent(models.TextChoices):
    """Stable ids of the housing domain events."""

    PROJECT_CREATED = "HOUSING_PROJECT_CREATED", "新建建设项目"
    PROJECT_UPDATED = "HOUSING_PROJECT_UPDATED", "修改建设项目"
    PROGRESS_LOGGED = "HOUSING_PROGRESS_LOGGED", "登记项目进度"
    PROGRESS_REVOKED = "HOUSING_PROGRESS_REVOKED", "撤销项目进度"
    BUILDING_SAVED = "HOUSING_BUILDING_SAVED", "保存单体工程"
    UNIT_SAVED = "HOUSING_UNIT_SAVED", "保存住房"
    UNIT_STATE_CHANGED = "HOUSING_UNIT_STATE_CHANGED", "住房状态变更"
    HANDOVER_CREATED = "HOUSING_HANDOVER_CREATED", "竣工移交"
    PARTICIPANT_SAVED = "HOUSING_PARTICIPANT_SAVED", "保存参与单位"
    PERSON_SAVED = "HOUSING_PERSON_SAVED", "保存参与人员"
    CERTIFICATE_SAVED = "HOUSING_CERTIFICATE_SAVED", "保存审批证件"
    CONTRACT_SAVED = "HOUSING_CONTRACT_SAVED", "保存合同备案"
    LAND_RESERVE_SAVED = "HOUSING_LAND_RESERVE_SAVED", "保存土地储备"
    UNITS_IMPORTED = "HOUSING_UNITS_IMPORTED", "导入楼栋和住房"
    RECORD_DELETED = "HOUSING_RECORD_DELETED", "删除建设项目记录"
    RECORD_RESTORED = "HOUSING_RECORD_RESTORED", "恢复建设项目记录"
