"""API pagination: page/page_size, at most 200 rows a page."""

from typing import Any

from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response


class StandardPagination(PageNumberPagination):
    """?page=N&page_size=M; the body carries count, next, previous, page_size and results."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 200
    invalid_page_message = "页码无效。"

    def get_paginated_response(self, data: Any) -> Response:
        """The page with its size (the effective one, after the 200-row cap)."""
        return Response(
            {
                "count": self.page.paginator.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "page_size": self.page.paginator.per_page,
                "results": data,
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        """OpenAPI shape of a page."""
        base = super().get_paginated_response_schema(schema)
        base["properties"]["page_size"] = {"type": "integer", "example": self.page_size}
        base["required"] = ["count", "page_size", "results"]
        return base
