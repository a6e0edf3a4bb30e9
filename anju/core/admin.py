"""Django admin of the core reference data (Chinese labels come from the models)."""

from django.contrib import admin

from anju.core.models import BusinessSequence, Dictionary, DictionaryItem, JobProgress, Region


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    """行政区划."""

    list_display = ["code", "name", "level", "full_name", "is_active"]
    list_filter = ["level", "is_active"]
    search_fields = ["code", "name", "full_name"]
    raw_id_fields = ["parent"]
    readonly_fields = ["prefix"]
    list_per_page = 50


class DictionaryItemInline(admin.TabularInline):
    """代码表条目."""

    model = DictionaryItem
    extra = 0
    fields = ["code", "name", "parent_code", "sort_order", "is_active"]


@admin.register(Dictionary)
class DictionaryAdmin(admin.ModelAdmin):
    """代码表."""

    list_display = ["code", "name", "standard", "is_system"]
    search_fields = ["code", "name", "standard"]
    inlines = [DictionaryItemInline]


@admin.register(BusinessSequence)
class BusinessSequenceAdmin(admin.ModelAdmin):
    """业务编号序列 (read-only: numbers come from the service)."""

    list_display = ["kind", "region_code", "year", "last_value"]
    list_filter = ["kind", "year"]

    def has_add_permission(self, request):
        """Counters are created by business_number_next only."""
        return False

    def has_change_permission(self, request, obj=None):
        """Editing a counter could hand out a number twice."""
        return False


@admin.register(JobProgress)
class JobProgressAdmin(admin.ModelAdmin):
    """后台任务进度."""

    list_display = ["title", "kind", "status", "done", "total", "created_by", "created_at"]
    list_filter = ["status", "kind"]
    readonly_fields = [f.name for f in JobProgress._meta.fields]
