"""API v1 routes of anju.audit (mounted at /api/v1/audit/)."""

from rest_framework.routers import SimpleRouter

from anju.audit.api.views import AuditEventViewSet

router = SimpleRouter()
router.register("events", AuditEventViewSet, basename="audit-event")

urlpatterns = router.urls
