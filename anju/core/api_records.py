"""Shared shapes of record API views: create on a list, one record's detail, update, and an action on it.

An app's view says where the record comes from (`getter`, a scoped selector `(user=, pk=)` that
raises 404 outside the jurisdiction), which serializers read and write, and which service runs;
permissions (a role mixin) and the OpenAPI text (`extend_schema_view(post=extend_schema(...))`
on the subclass) stay with the app. Errors keep the project's API error shape: serializer errors
and a service's Django ValidationError are 400.

    @extend_schema_view(post=extend_schema(operation_id="supervision_credit_records_revoke", ...))
    class CreditRevokeView(ReaderPermissionMixin, RecordActionAPIView):
        getter = staticmethod(selectors.credit_record_get)
        read_serializer, write_serializer = s.CreditRecordSerializer, s.CreditRevokeWriteSerializer
        service = staticmethod(services.credit_record_revoke)
"""

from __future__ import annotations

from typing import Any, ClassVar

from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


def validated_data(
    serializer_class: type | None, request: Request, *, partial: bool = False, instance: Any = None
) -> dict[str, Any]:
    """The request body checked by a write serializer (400 on errors), as a plain dict.

    No serializer: the action takes no body ({}). `instance` binds the record being changed
    (for model serializers whose validators look at it, such as unique fields).
    """
    if serializer_class is None:
        return {}
    if instance is not None:
        serializer = serializer_class(instance, data=request.data, partial=partial)
    else:
        serializer = serializer_class(data=request.data, partial=partial)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


class RecordAPIMixin:
    """Where the record comes from and how it is read back."""

    getter: ClassVar[Any] = None  # staticmethod(selector(user=, pk=)); 404 outside the jurisdiction
    read_serializer: ClassVar[Any] = None
    write_serializer: ClassVar[Any] = None

    def record_get(self, request: Request, pk: int) -> Any:
        """The record for this user (the getter's 404 otherwise)."""
        return type(self).getter(user=request.user, pk=pk)

    def answer(self, obj: Any, status_code: int = status.HTTP_200_OK) -> Response:
        """The record as the read serializer shows it."""
        return Response(self.read_serializer(obj).data, status=status_code)


class RecordCreateAPIMixin(RecordAPIMixin):
    """POST on a list: validate the write serializer, `perform_create`, answer 201 with the new record."""

    def post(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """Create."""
        obj = self.perform_create(request, validated_data(self.write_serializer, request))
        return self.answer(obj, status.HTTP_201_CREATED)

    def perform_create(self, request: Request, data: dict[str, Any]) -> Any:
        """Call the service; return the new record."""
        raise NotImplementedError


class RecordDetailAPIView(RecordAPIMixin, APIView):
    """GET one record."""

    def get(self, request: Request, pk: int) -> Response:
        """One record."""
        return self.answer(self.record_get(request, pk))


class RecordUpdateAPIMixin(RecordAPIMixin):
    """PATCH one record: the submitted fields only, through `perform_update`.

    `bind_instance` hands the record to the write serializer (a model serializer of the record).
    """

    bind_instance = False

    def patch(self, request: Request, pk: int) -> Response:
        """Update."""
        obj = self.record_get(request, pk)
        data = validated_data(
            self.write_serializer, request, partial=True, instance=obj if self.bind_instance else None
        )
        return self.answer(self.perform_update(request, obj, data))

    def perform_update(self, request: Request, obj: Any, data: dict[str, Any]) -> Any:
        """Call the service; return the changed record."""
        raise NotImplementedError


class RecordActionAPIView(RecordAPIMixin, APIView):
    """POST <pk>/<action>/: `service(<record_arg>=record, acting_user=user, **data)`, then the record.

    Without a `write_serializer` the action takes no body.

    `reread` answers with a fresh read through the getter (for services that return something
    else than the record, or change related rows the answer shows); `perform` can be overridden
    where the body needs more than passing on. `success_status` is 201 for actions that create a
    record under this one (a payment on a household, a vacate on a move-in), answered as it is.
    """

    service: ClassVar[Any] = None  # staticmethod(service)
    record_arg = "record"
    reread = False
    success_status = status.HTTP_200_OK

    def post(self, request: Request, pk: int) -> Response:
        """Run the action."""
        record = self.record_get(request, pk)
        result = self.perform(request, record, validated_data(self.write_serializer, request))
        return self.answer(self.record_get(request, pk) if self.reread else result, self.success_status)

    def perform(self, request: Request, record: Any, data: dict[str, Any]) -> Any:
        """Call the service with the record, the acting user and the validated body."""
        return type(self).service(**{self.record_arg: record}, acting_user=request.user, **data)
