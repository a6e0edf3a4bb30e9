"""Staff pages of anju.distribution (mounted at /distribution/).

Waitlist, lottery and house selection routes are in urls_rounds.py; contracts and subsidies
in urls_contracts.py (separate files so they can be worked on independently).
"""

from django.urls import include, path

app_name = "distribution"
urlpatterns = [
    path("", include("anju.distribution.urls_rounds")),
    path("", include("anju.distribution.urls_contracts")),
]
