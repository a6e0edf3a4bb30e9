"""Demo policies and guides for the portal (idempotent: by title) and the demo applicants' cases.

The cases (`anju.portal.demo_cases`) build on the distribution and tenancy demos, so `demo_setup`
must call this command after them (it does: last step of `_downstream_demo`).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.core.management.base import BaseCommand

DEMO_ARTICLES = [
    {
        "kind": "policy", "title": "亳州市公共租赁住房管理办法（示例）", "issuer": "亳州市住房和城乡建设局",
        "document_number": "示例〔2025〕1号", "published_on": date(2025, 1, 1),
        "summary": "保障对象、申请条件、轮候配租、租金标准和退出管理。",
        "body": "第一条 为规范公共租赁住房管理，根据有关规定，结合本市实际，制定本办法。\n\n"
                "第二条 本办法所称公共租赁住房，是指限定建设标准和租金水平，面向符合规定条件的城镇中等偏下收入住房困难家庭、"
                "新就业无房职工和在城镇稳定就业的外来务工人员出租的保障性住房。\n\n"
                "第三条 申请家庭的收入、住房和资产条件，以市人民政府公布的当年标准为准，由系统按现行规则自动预审。\n\n"
                "（示例文本，仅用于演示。）",
    },
    {
        "kind": "guide", "title": "公共租赁住房网上申请操作指南", "issuer": "亳州市住房保障中心",
        "document_number": "", "published_on": date(2025, 3, 1),
        "summary": "手机号码注册、六步填报、零证明、进度查询。",
        "body": "一、注册：用本人手机号码获取验证码注册账号，设置密码。\n\n"
                "二、填报：按“申请人与家庭、家庭成员、住房情况、家庭资产、证明材料、预审与提交”六步填写，草稿自动保存。\n\n"
                "三、零证明：能通过部门共享数据查到的户籍、婚姻、住房、收入等信息自动填写，相应证明无需提交。\n\n"
                "四、进度：提交后在“我的申请”查看当前环节、办理记录、补正要求和通知书。",
    },
]  # fmt: skip


class Command(BaseCommand):
    """load_portal_demo."""

    help = "Create the demo policies and guides of the portal and the demo applicants' cases (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        """Create the articles that are missing (no acting user: a setup job, not an edit)."""
        from anju.portal.models import Article

        created = 0
        for data in DEMO_ARTICLES:
            _, made = Article.objects.get_or_create(title=data["title"], defaults=data)
            created += int(made)
        self.stdout.write(self.style.SUCCESS(f"门户演示政策指南：新增 {created} 篇。"))
        self._cases()

    def _cases(self) -> None:
        """网上签约 (`applicant`) and 租金 (`tenant`) demo cases, and how to sign in as them."""
        from anju.accounts.services.demo import DEMO_PASSWORD
        from anju.distribution.choices import ContractStatus
        from anju.portal.demo_cases import TENANT_MOBILE, TENANT_USERNAME, demo_portal_cases_create

        result = demo_portal_cases_create()
        if result.get("note"):
            self.stdout.write(result["note"])
            return
        what = {"applicant": "待网上签约的合同草稿", TENANT_USERNAME: "已签约入住，有租金账单和欠缴"}
        created = sum(case.created for case in result["cases"])
        self.stdout.write(f"门户演示申请案例：新增 {created} 个。")
        # the account lines are the same on every run (demo_setup's test compares them)
        self.stdout.write("门户演示申请人（在门户“登录”用手机号和密码，或在 /accounts/login/ 用用户名和密码登录，再打开“我的申请” /my/）：")
        for case in result["cases"]:
            if case.contract is None:
                self.stdout.write(f"  {case.username}：{case.note}")
                continue
            label = what.get(case.username, "")
            if case.username == "applicant" and case.contract.status != ContractStatus.DRAFT:
                label = f"合同{case.contract.get_status_display()}"  # signed online in an earlier session
            self.stdout.write(f"  {case.username:<10}{DEMO_PASSWORD:<16}{label}（合同 {case.contract.number}）")
        if result["tenant_created"]:
            self.stdout.write(f"已新建演示申请人账号 {TENANT_USERNAME}（手机号 {TENANT_MOBILE}）。")
