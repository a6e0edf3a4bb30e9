"""Image bytes for the photo tests, drawn with Pillow (no files in the repository)."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image

CAMERA = "AnjuTestCam"


def image_bytes(
    fmt: str = "JPEG", size: tuple[int, int] = (800, 600), *, gps: bool = False, mode: str = "RGB"
) -> bytes:
    """A picture in the format; with `gps` a JPEG carries EXIF camera make and a GPS position (亳州)."""
    image = Image.new(mode, size, (200, 120, 40, 128) if mode == "RGBA" else (200, 120, 40))
    for x in range(0, size[0], 40):  # some structure, so the encoder has work to do
        image.paste((30, 90, 160) if mode == "RGB" else (30, 90, 160, 255), (x, 0, min(x + 20, size[0]), size[1]))
    buffer = io.BytesIO()
    kwargs = {}
    if gps:
        exif = Image.Exif()
        exif[ExifTags.Base.Make] = CAMERA
        gps_ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        gps_ifd[ExifTags.GPS.GPSLatitudeRef] = "N"
        gps_ifd[ExifTags.GPS.GPSLatitude] = (33.0, 52.0, 12.0)
        gps_ifd[ExifTags.GPS.GPSLongitudeRef] = "E"
        gps_ifd[ExifTags.GPS.GPSLongitude] = (115.0, 46.0, 48.0)
        kwargs["exif"] = exif
    image.save(buffer, fmt, **kwargs)
    return buffer.getvalue()


def upload(data: bytes | None = None, name: str = "photo.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    """An uploaded file (a JPEG by default)."""
    return SimpleUploadedFile(name, image_bytes() if data is None else data, content_type=content_type)


def stored_files(root) -> list:
    """Every file under the media root."""
    return [p for p in root.rglob("*") if p.is_file()]
