"""Staff pages of anju.supervision (mounted at /supervision/)."""

from django.urls import path

from anju.supervision import views
from anju.supervision import views_assessment as va

app_name = "supervision"
urlpatterns = [
    path("", views.index, name="index"),
    path("credit/", views.CreditRecordListView.as_view(), name="credit_list"),
    path("credit/new/", views.CreditRecordCreateView.as_view(), name="credit_create"),
    path("credit/<int:pk>/", views.CreditRecordDetailView.as_view(), name="credit_detail"),
    path("credit/<int:pk>/repair/", views.CreditRepairView.as_view(), name="credit_repair"),
    path("credit/<int:pk>/revoke/", views.CreditRevokeView.as_view(), name="credit_revoke"),
    path("credit/<int:pk>/publish/", views.CreditPublishView.as_view(), name="credit_publish"),
    path("ban-rules/", views.BanRuleListView.as_view(), name="ban_rule_list"),
    path("ban-rules/new/", views.BanRuleFormView.as_view(), name="ban_rule_create"),
    path("ban-rules/<int:pk>/", views.BanRuleFormView.as_view(), name="ban_rule_edit"),
    path("complaints/", views.ComplaintListView.as_view(), name="complaint_list"),
    path("complaints/new/", views.ComplaintCreateView.as_view(), name="complaint_create"),
    path("complaints/<int:pk>/", views.ComplaintDetailView.as_view(), name="complaint_detail"),
    path("complaints/<int:pk>/reply/", views.ComplaintReplyView.as_view(), name="complaint_reply"),
    path("complaints/<int:pk>/assign/", views.ComplaintAssignView.as_view(), name="complaint_assign"),
    path("complaints/<int:pk>/close/", views.ComplaintCloseView.as_view(), name="complaint_close"),
    path("inspections/", views.InspectionListView.as_view(), name="inspection_list"),
    path("inspections/new/", views.InspectionFormView.as_view(), name="inspection_create"),
    path("inspections/<int:pk>/", views.InspectionDetailView.as_view(), name="inspection_detail"),
    path("inspections/<int:pk>/edit/", views.InspectionFormView.as_view(), name="inspection_edit"),
    path("sanctions/", views.SanctionListView.as_view(), name="sanction_list"),
    path("sanctions/new/", views.SanctionFormView.as_view(), name="sanction_create"),
    path("sanctions/<int:pk>/", views.SanctionDetailView.as_view(), name="sanction_detail"),
    path("sanctions/<int:pk>/edit/", views.SanctionFormView.as_view(), name="sanction_edit"),
    *[
        route
        for kind, prefix in (
            ("unit_assessment", "assessments"),
            ("assessment_bulletin", "assessment-bulletins"),
            ("staff_assessment", "staff-assessments"),
            ("staff_sanction", "staff-sanctions"),
        )
        for route in (
            path(f"{prefix}/", va.LIST_VIEWS[kind].as_view(), name=f"{kind}_list"),
            path(f"{prefix}/new/", va.AssessmentFormView.as_view(kind=kind), name=f"{kind}_create"),
            path(f"{prefix}/<int:pk>/", va.AssessmentDetailView.as_view(kind=kind), name=f"{kind}_detail"),
            path(f"{prefix}/<int:pk>/edit/", va.AssessmentFormView.as_view(kind=kind), name=f"{kind}_edit"),
            path(f"{prefix}/<int:pk>/delete/", va.AssessmentDeleteView.as_view(kind=kind), name=f"{kind}_delete"),
            path(f"{prefix}/<int:pk>/restore/", va.AssessmentRestoreView.as_view(kind=kind), name=f"{kind}_restore"),
        )
    ],
]
