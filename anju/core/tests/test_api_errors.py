"""The one API error shape (anju.core.api.errors) for every error class."""

import pytest
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, serializers
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

factory = APIRequestFactory()


class MemberSerializer(serializers.Serializer):
    """A nested serializer to check the flattening of field paths."""

    name = serializers.CharField()
    age = serializers.IntegerField(min_value=0)


class HouseholdSerializer(serializers.Serializer):
    """Top-level serializer with a nested list."""

    number = serializers.CharField(max_length=5)
    members = MemberSerializer(many=True)


def raising(exc):
    """An open API view that raises `exc` on GET and validates a body on POST."""

    class RaisingView(APIView):
        permission_classes = [AllowAny]
        parser_classes = [JSONParser]

        def get(self, request):
            raise exc

        def post(self, request):
            HouseholdSerializer(data=request.data).is_valid(raise_exception=True)
            return Response({})

    return RaisingView.as_view()


def assert_shape(body):
    """Exactly the four keys of the error shape."""
    assert set(body) == {"code", "message", "errors", "request_id"}
    assert isinstance(body["errors"], dict)
    assert body["request_id"]


@pytest.mark.parametrize(
    ("exc", "status", "code", "message"),
    [
        (exceptions.NotFound(), 404, "not_found", "记录不存在或不在您的管辖范围内。"),
        (Http404(), 404, "not_found", "记录不存在或不在您的管辖范围内。"),
        (exceptions.PermissionDenied(), 403, "permission_denied", "您没有执行该操作的权限。"),
        (exceptions.PermissionDenied("只有市保障处可以发布。"), 403, "permission_denied", "只有市保障处可以发布。"),
        (DjangoPermissionDenied("您没有访问此页面的权限。"), 403, "permission_denied", "您没有访问此页面的权限。"),
        (exceptions.Throttled(wait=30), 429, "throttled", "请求过于频繁，请在 30 秒后重试。"),
        (exceptions.ParseError(), 400, "parse_error", "请求内容格式错误，无法解析。"),
        (exceptions.AuthenticationFailed(), 401, "authentication_failed", "身份认证失败，请重新登录或检查令牌。"),
        (exceptions.NotAcceptable(), 406, "not_acceptable", "无法按请求的格式返回结果。"),
        (exceptions.UnsupportedMediaType("text/csv"), 415, "unsupported_media_type", "不支持请求中的媒体类型 “text/csv”。"),
        (RuntimeError("boom"), 500, "server_error", "服务器内部错误，请稍后重试或联系系统管理员。"),
    ],
)
def test_error_classes(exc, status, code, message):
    # when
    response = raising(exc)(factory.get("/x/"))

    # then
    assert response.status_code == status
    assert_shape(response.data)
    assert (response.data["code"], response.data["message"], response.data["errors"]) == (code, message, {})


def test_throttled_sets_retry_after():
    response = raising(exceptions.Throttled(wait=12))(factory.get("/x/"))
    assert response["Retry-After"] == "12"


def test_not_authenticated_is_401_with_challenge():
    # given a view that needs a login, with the project's authentication classes
    class PrivateView(APIView):
        permission_classes = [IsAuthenticated]

        def get(self, request):
            return Response({})

    # when
    response = PrivateView.as_view()(factory.get("/x/"))

    # then
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert (response.data["code"], response.data["message"]) == ("not_authenticated", "请先登录。")


def test_method_not_allowed_names_the_method():
    response = raising(exceptions.NotFound())(factory.delete("/x/"))
    assert response.status_code == 405
    assert (response.data["code"], response.data["message"]) == ("method_not_allowed", "不支持 DELETE 请求方法。")


def test_malformed_json_is_parse_error():
    response = raising(exceptions.NotFound())(factory.post("/x/", "{not json", content_type="application/json"))
    assert response.status_code == 400
    assert response.data["code"] == "parse_error"


def test_serializer_errors_are_flattened_with_chinese_messages():
    # when
    response = raising(exceptions.NotFound())(
        factory.post("/x/", {"number": "123456", "members": [{"name": "张三", "age": 5}, {"age": -1}]}, format="json")
    )

    # then
    body = response.data
    assert response.status_code == 400
    assert_shape(body)
    assert body["code"] == "invalid"
    assert body["message"] == "提交的数据未通过校验，请检查后重试。"
    assert body["errors"]["number"] == [{"code": "max_length", "message": "请确保这个字段不能超过 5 个字符。"}]
    assert body["errors"]["members.1.name"] == [{"code": "required", "message": "该字段是必填项。"}]
    assert body["errors"]["members.1.age"][0]["code"] == "min_value"


def test_django_validation_error_with_fields():
    # given a service's error with field messages and codes
    exc = DjangoValidationError(
        {"file": DjangoValidationError("文件过大。", code="archive_file_too_large"), "__all__": ["家庭成员不能为空。"]}
    )

    # when
    response = raising(exc)(factory.get("/x/"))

    # then
    body = response.data
    assert response.status_code == 400
    assert body["errors"]["file"] == [{"code": "archive_file_too_large", "message": "文件过大。"}]
    assert body["errors"]["non_field_errors"] == [{"code": "invalid", "message": "家庭成员不能为空。"}]
    assert body["message"] == "提交的数据未通过校验，请检查后重试。"


def test_django_validation_error_without_fields_uses_its_message():
    response = raising(DjangoValidationError("该档案已删除。", code="archive_already_deleted"))(factory.get("/x/"))
    assert response.data["message"] == "该档案已删除。"
    assert response.data["errors"] == {"non_field_errors": [{"code": "archive_already_deleted", "message": "该档案已删除。"}]}


def test_request_id_is_taken_from_header_when_safe():
    # when
    given = raising(exceptions.NotFound())(factory.get("/x/", HTTP_X_REQUEST_ID="req-42.a_b"))
    unsafe = raising(exceptions.NotFound())(factory.get("/x/", HTTP_X_REQUEST_ID="<script>"))

    # then
    assert given.data["request_id"] == "req-42.a_b" and given["X-Request-ID"] == "req-42.a_b"
    assert unsafe.data["request_id"] != "<script>" and len(unsafe.data["request_id"]) == 32


@pytest.mark.django_db
def test_real_endpoint_unknown_route_and_auth(client):
    # an unauthenticated call of a real endpoint answers in the shape
    response = client.get("/api/v1/archive/files/")
    assert response.status_code == 401
    assert_shape(response.json())
