"""Root URL map: staff UI, public portal, API v1, OpenAPI schema and docs."""

from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

api_v1 = [
    path("", include("anju.core.api.urls")),
    path("accounts/", include("anju.accounts.api.urls")),
    path("audit/", include("anju.audit.api.urls")),
    path("archive/", include("anju.archive.api.urls")),
]

urlpatterns = [
    path("", include("anju.portal.urls")),
    path("staff/", include("anju.core.urls")),
    path("accounts/", include("anju.accounts.urls")),
    path("audit/", include("anju.audit.urls")),
    path("archive/", include("anju.archive.urls")),
    path("households/", include("anju.admission.urls")),
    path("api/v1/", include(api_v1)),
    path("api/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="api-docs"),
    path("api/redoc/", SpectacularRedocView.as_view(url_name="schema"), name="api-redoc"),
    path("django-admin/", admin.site.urls),
]

