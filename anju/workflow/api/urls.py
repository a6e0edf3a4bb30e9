"""API v1 routes of anju.workflow (mounted at /api/v1/workflow/)."""

from django.urls import include, path
from rest_framework.routers import SimpleRouter

from anju.workflow.api import views

router = SimpleRouter()
router.register("templates", views.ProcessTemplateViewSet, basename="template")
router.register("instances", views.ProcessInstanceViewSet, basename="instance")
router.register("tasks", views.TaskViewSet, basename="task")

app_name = "workflow-api"
urlpatterns = [path("", include(router.urls))]
