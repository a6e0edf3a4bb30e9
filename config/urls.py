"""Root URL map: staff UI, public portal, API v1, OpenAPI schema and docs."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

api_v1 = [
    path("", include("anju.core.api.urls")),
    path("accounts/", include("anju.accounts.api.urls")),
    path("audit/", include("anju.audit.api.urls")),
    path("archive/", include("anju.archive.api.urls")),
    path("households/", include("anju.admission.api.urls")),
    path("workflow/", include("anju.workflow.api.urls")),
    path("rules/", include("anju.rules.api.urls")),
    path("housing/", include("anju.housing.api.urls")),
    path("allocation/", include("anju.allocation.api.urls")),
    path("distribution/", include("anju.distribution.api.urls")),
    path("tenancy/", include("anju.tenancy.api.urls")),
    path("supervision/", include("anju.supervision.api.urls")),
]

urlpatterns = [
    path("", include("anju.portal.urls")),
    path("staff/", include("anju.core.urls")),
    path("accounts/", include("anju.accounts.urls")),
    path("audit/", include("anju.audit.urls")),
    path("archive/", include("anju.archive.urls")),
    path("households/", include("anju.admission.urls")),
    path("workflow/", include("anju.workflow.urls")),
    path("rules/", include("anju.rules.urls")),
    path("housing/", include("anju.housing.urls")),
    path("allocation/", include("anju.allocation.urls")),
    path("distribution/", include("anju.distribution.urls")),
    path("tenancy/", include("anju.tenancy.urls")),
    path("supervision/", include("anju.supervision.urls")),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    # API docs served from drf-spectacular-sidecar; the split view serves Swagger UI's init script
    # as a file (?script), so the pages need no inline script and keep the site's CSP.
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="schema", template_name="api/swagger_ui.html"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema", template_name="api/redoc.html"), name="api-redoc"),
    path("django-admin/", admin.site.urls),
]

