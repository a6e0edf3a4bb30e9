"""API v1 routes of anju.supervision (mounted at /api/v1/supervision/)."""

from django.urls import path

from anju.supervision.api import views

urlpatterns = [
    path("credit-records/", views.CreditRecordCollectionView.as_view(), name="supervision-credit-records"),
    path("credit-records/<int:pk>/", views.CreditRecordDetailView.as_view(), name="supervision-credit-records-detail"),
    path("credit-records/<int:pk>/repair/", views.CreditRepairView.as_view(), name="supervision-credit-records-repair"),
    path("credit-records/<int:pk>/revoke/", views.CreditRevokeView.as_view(), name="supervision-credit-records-revoke"),
    path(
        "credit-records/<int:pk>/publish/", views.CreditPublishView.as_view(), name="supervision-credit-records-publish"
    ),
    path("ban-rules/", views.BanRuleCollectionView.as_view(), name="supervision-ban-rules"),
    path("ban-rules/<int:pk>/", views.BanRuleDetailView.as_view(), name="supervision-ban-rules-detail"),
    path("complaints/", views.ComplaintCollectionView.as_view(), name="supervision-complaints"),
    path("complaints/<int:pk>/", views.ComplaintDetailView.as_view(), name="supervision-complaints-detail"),
    path("complaints/<int:pk>/assign/", views.ComplaintAssignView.as_view(), name="supervision-complaints-assign"),
    path("complaints/<int:pk>/reply/", views.ComplaintReplyView.as_view(), name="supervision-complaints-reply"),
    path("complaints/<int:pk>/close/", views.ComplaintCloseView.as_view(), name="supervision-complaints-close"),
    path("inspections/", views.InspectionCollectionView.as_view(), name="supervision-inspections"),
    path("inspections/<int:pk>/", views.InspectionDetailView.as_view(), name="supervision-inspections-detail"),
    path("sanctions/", views.SanctionCollectionView.as_view(), name="supervision-sanctions"),
    path("sanctions/<int:pk>/", views.SanctionDetailView.as_view(), name="supervision-sanctions-detail"),
    path("public/credit-list/", views.PublicCreditListView.as_view(), name="supervision-public-credit-list"),
    *[
        route
        for prefix, (collection, detail, delete, restore) in views.ASSESSMENT_API.items()
        for route in (
            path(f"{prefix}/", collection.as_view(), name=f"supervision-{prefix}"),
            path(f"{prefix}/<int:pk>/", detail.as_view(), name=f"supervision-{prefix}-detail"),
            path(f"{prefix}/<int:pk>/delete/", delete.as_view(), name=f"supervision-{prefix}-delete"),
            path(f"{prefix}/<int:pk>/restore/", restore.as_view(), name=f"supervision-{prefix}-restore"),
        )
    ],
]
