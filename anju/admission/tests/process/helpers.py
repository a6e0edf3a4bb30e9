"""Drive an application through the admission workflow to a node (publicity, approval, register)."""

from __future__ import annotations

from django.core.files.base import ContentFile

from anju.admission.services.process import REQUIRED_MATERIALS, open_task

MINIMAL_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
# node code -> the persona fixture name that handles it
NODE_HANDLERS = {
    "accept": "clerk",
    "street_review": "street",
    "county_review": "district",
    "publicity": "district",
    "approval": "district",
}
ORDER = ["accept", "street_review", "county_review", "publicity", "approval", "register"]


def materials_upload(application, clerk) -> None:
    """The four mandatory materials in the application's e-archive."""
    from anju.archive.services import archive_file_upload

    for code in REQUIRED_MATERIALS:
        archive_file_upload(
            owner=application, uploaded_file=ContentFile(MINIMAL_PDF, name=f"m{code}.pdf"), file_type=code,
            stage="application", acting_user=clerk,
        )  # fmt: skip


def advance(application, *, to: str, clerk, street, district):
    """Submit (if a draft) and complete every task until the application is at node `to`."""
    from anju.admission.services import application_submit
    from anju.workflow.services import task_complete

    users = {"clerk": clerk, "street": street, "district": district}
    if application.status == "draft":
        materials_upload(application, clerk)
        application_submit(application=application, acting_user=clerk)
    for node in ORDER[: ORDER.index(to)]:
        task = open_task(application, node_code=node)
        if task is None:
            continue
        task_complete(task=task, acting_user=users[NODE_HANDLERS[node]], opinion="同意。")
    application.refresh_from_db()
    assert open_task(application, node_code=to) is not None, f"not at {to}: {application.status}"
    return application


def pdf_text(pdf: bytes) -> str:
    """The text of a PDF (pdftotext), without whitespace (CJK lines break anywhere)."""
    import subprocess
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout  # noqa: S603, S607 - fixed poppler command on a temp file
    return "".join(out.split())
