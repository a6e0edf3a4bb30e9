"""Staff pages of the platform core (each area keeps its own urlpatterns)."""

from anju.core.views import dictionaries, documents, jobs, regions, workbench

app_name = "core"
urlpatterns = [*workbench.urlpatterns, *regions.urlpatterns, *dictionaries.urlpatterns, *jobs.urlpatterns, *documents.urlpatterns]
