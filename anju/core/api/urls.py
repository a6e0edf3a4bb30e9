"""API v1 routes of the platform core (each area keeps its own urlpatterns)."""

from anju.core.api import auth, dictionaries, jobs, regions

urlpatterns = [*auth.urlpatterns, *regions.urlpatterns, *dictionaries.urlpatterns, *jobs.urlpatterns]
