"""API pagination: page/page_size, at most 200 rows a page."""

from rest_framework.pagination import PageNumberPagination


class StandardPagination(PageNumberPagination):
    """?page=N&page_size=M."""

    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 200
