"""Printable documents of anju.distribution (found by `anju.core.documents.document_specs`).

Contract templates live in documents_contracts.py; a module of the rounds part can be imported here too.
"""

from anju.distribution import documents_contracts  # noqa: F401 - registers the contract templates
