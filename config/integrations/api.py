"""REST API (DRF + drf-spectacular + django-filter) under /api/v1/."""

REST_FRAMEWORK = {
    # Token first: its WWW-Authenticate header makes "not logged in" a 401, not a 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "anju.core.api.pagination.StandardPagination",
    "PAGE_SIZE": 20,
    "DEFAULT_FILTER_BACKENDS": [
        "django_filters.rest_framework.DjangoFilterBackend",
        "rest_framework.filters.OrderingFilter",
    ],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "anju.core.api.errors.exception_handler",
    "UNICODE_JSON": True,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "安居 住房保障信息系统 API",
    "DESCRIPTION": "安居（Anju）住房保障信息系统的接口，遵循 CJJ/T 196-2012。所有接口位于 /api/v1/ 之下。",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "ENUM_GENERATE_CHOICE_DESCRIPTION": True,
    # One component name per choice set where field names collide across apps (--fail-on-warn).
    "ENUM_NAME_OVERRIDES": {
        "ProcessInstanceStateEnum": "anju.workflow.choices.InstanceState",
        "TaskActionKindEnum": "anju.workflow.choices.TaskActionKind",
        "ApplicationStatusEnum": "anju.admission.choices.ApplicationStatus",
        # housing (HS1): shared choice sets get one name each
        "HousingKindEnum": "anju.housing.choices.HousingKind",
        "BuildingStatusEnum": "anju.housing.choices.BuildingStatus",
        "BuildingCategoryEnum": "anju.housing.choices.BuildingCategory",
        "UnitStateEnum": "anju.housing.choices.UnitState",
        "ProgressKindEnum": "anju.housing.choices.ProgressKind",
        "ParticipantCategoryEnum": "anju.housing.choices.ParticipantCategory",
        "PersonIdTypeEnum": "anju.housing.choices.PersonIdType",
        "OrganisationIdTypeEnum": "anju.housing.choices.OrganisationIdType",
        "CertificateTypeEnum": "anju.housing.choices.CertificateType",
        "ProjectPhotoKindEnum": "anju.housing.models.photos.PhotoKind",
        "PublicityStatusEnum": "anju.admission.models.publicity.PublicityStatus",
        "PublicityKindEnum": "anju.admission.models.publicity.PublicityKind",
        "ObjectionStatusEnum": "anju.admission.models.objections.ObjectionStatus",
        "SupplierApprovalStatusEnum": "anju.admission.models.suppliers.SupplierApprovalStatus",
        "SupportTargetCategoryEnum": "anju.admission.models.suppliers.SupportTargetCategory",
        "SupportModeEnum": "anju.admission.models.suppliers.SupportMode",
        "RegistrationDecisionEnum": [("approve", "准予登记"), ("deny", "不予登记")],
        "WorkflowDecisionEnum": "anju.workflow.choices.Decision",
        "ReviewActionEnum": "anju.admission.api.process.ACTION_CHOICES",
        "VerificationKindEnum": "anju.admission.models.verification.VerificationKind",
        "RuleVersionStatusEnum": "anju.rules.choices.VersionStatus",
        "RuleRelationEnum": "anju.rules.choices.Relation",
    },
    "SWAGGER_UI_SETTINGS": {"deepLinking": True, "persistAuthorization": False, "displayOperationId": True},
    "TAGS": [
        {"name": "平台", "description": "健康检查等平台接口"},
        {"name": "电子档案", "description": "电子档案（CJJ/T 196 A.3.15、A.5.7、A.7.4）：上传、查询、下载"},
        {
            "name": "配给管理：合同与补贴",
            "description": "合同签约与电子档案（A.7.3、A.7.4）、补贴应发与实发（A.7.5、A.7.6）、支持对象资金拨付计划（A.7.7）、土地供应记录（A.7.8）",
        },
    ],
}
