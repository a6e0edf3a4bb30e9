"""StandardPagination: count/next/previous/page_size/results, capped at 200."""

from types import SimpleNamespace

from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from anju.core.api.pagination import StandardPagination


def paginate(query):
    """One page of 0..499 for a query string."""
    paginator = StandardPagination()
    request = Request(APIRequestFactory().get("/items/", query))
    page = paginator.paginate_queryset(list(range(500)), request, view=SimpleNamespace())
    return paginator.get_paginated_response(page).data


def test_default_page():
    body = paginate({})
    assert list(body) == ["count", "next", "previous", "page_size", "results"]
    assert (body["count"], body["page_size"], len(body["results"])) == (500, 20, 20)
    assert body["previous"] is None and "page=2" in body["next"]


def test_page_size_is_capped():
    body = paginate({"page_size": 1000, "page": 2})
    assert body["page_size"] == 200
    assert body["results"][0] == 200


def test_schema_names_page_size():
    schema = StandardPagination().get_paginated_response_schema({"type": "array"})
    assert "page_size" in schema["properties"] and "page_size" in schema["required"]
