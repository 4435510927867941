"""Photos: image files an editor puts beside a raw page, checked, cleaned and cut to web sizes.

``seeds/<page>.photos/`` holds the page's photos; sorted by file name, they go
to the page's captions in page order (the first photo to the first caption),
except those the page's overrides place (``photos: {02.jpg: 1}``: that file for
the page's first caption).  A contributed article (``seeds/稿件.md``) names its
photos in its body (``![职工合影](稿件.photos/01.jpg)``), each where it stands.
Every file is an untrusted input:

* it must be a regular file inside that folder (no link), at most
  ``MAX_PHOTO_BYTES``, and an image Pillow reads as JPEG, PNG, WebP or GIF;
* its pixel count is read from the header and checked *before* anything is
  decoded (a 20,000 × 20,000 PNG of a few kB is refused, never unpacked), and
  Pillow's own decompression-bomb limit is set to the same figure;
* what is published is re-encoded pixels only: no EXIF (GPS positions,
  camera serials), no ICC or text chunks; the EXIF orientation is applied first;
* it is written in web widths (``WIDTHS``, never wider than the original) as
  WebP with a JPEG fallback, named by the hash of the file's bytes, so an
  unchanged photo is never processed twice (the results are cached on disk).

A file that fails any check gets one line ``page.photos/file: error: …`` and
its caption stays a caption; every article still builds.
"""

from __future__ import annotations

import hashlib
import io
import warnings
from dataclasses import replace
from pathlib import Path

from PIL import Image, ImageOps, UnidentifiedImageError

from .model import Article, Diagnostic, Page, Photo, Severity

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")
PHOTO_FORMATS = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}
MAX_PHOTO_BYTES = 20 * 1024 * 1024
MAX_PIXELS = 40_000_000            # a 50-megapixel camera's frame is refused; a phone's 12 MP is fine
WIDTHS = (480, 960, 1600)
WEBP_QUALITY, JPEG_QUALITY = 80, 82

Image.MAX_IMAGE_PIXELS = MAX_PIXELS   # Pillow refuses to decode anything larger, wherever it is opened


def photo_folder(page: Path) -> Path:
    """``seeds/a.txt`` → ``seeds/a.photos``."""
    return page.with_suffix(".photos")


class PhotoError(Exception):
    """Why a photo file is not published (one line for the editor)."""


def process_photo(path: Path, cache: Path | None = None) -> tuple[Photo, dict[str, bytes]]:
    """One image file → its ``Photo`` and the published files (site path → bytes); raises ``PhotoError``."""
    if path.is_symlink() or not path.is_file():
        raise PhotoError("refused: not a regular file (photos must be files inside the page's .photos folder)")
    size = path.stat().st_size
    if size > MAX_PHOTO_BYTES:
        raise PhotoError(f"refused: {size / 1e6:.1f} MB, more than the {MAX_PHOTO_BYTES / 1e6:.0f} MB a photo may have")
    data = path.read_bytes()
    # the file and the settings it is cut with: new settings, new files (and no stale cache entry)
    key = hashlib.sha256(data + repr((WIDTHS, WEBP_QUALITY, JPEG_QUALITY)).encode()).hexdigest()[:16]
    image = _open_checked(data)
    width, height = _oriented_size(image)
    widths = tuple(w for w in WIDTHS if w < width) + (min(width, WIDTHS[-1]),)
    photo = Photo(key, width, height, widths)
    # files cut from these very bytes before: no decoding (their key is the hash of the bytes)
    files = {path: _cached(cache, path) for w in widths for path in (photo.path(w, "webp"), photo.path(w, "jpg"))}
    if not all(files.values()):
        pixels = _clean_pixels(_decoded(image, data))
        for w in widths:
            sized = pixels if w >= pixels.width else pixels.resize((w, round(pixels.height * w / pixels.width)),
                                                                    Image.Resampling.LANCZOS)
            for ext, save in (("webp", {"format": "WEBP", "quality": WEBP_QUALITY, "method": 4}),
                              ("jpg", {"format": "JPEG", "quality": JPEG_QUALITY, "optimize": True,
                                       "progressive": True})):
                buffer = io.BytesIO()
                sized.save(buffer, **save)        # no exif=, icc_profile= or pnginfo=: nothing but pixels
                files[photo.path(w, ext)] = buffer.getvalue()
        _store(cache, files)
    return photo, files


def _open_checked(data: bytes) -> Image.Image:
    """The image with its header read and checked (format, pixel count); nothing decoded yet."""
    try:
        with warnings.catch_warnings():
            # between the limit and twice it Pillow only warns: the size check below refuses those itself
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))     # reads the header only
    except Image.DecompressionBombError:
        # Pillow read the header and refused: the pixel count is over twice the limit
        raise PhotoError(f"refused: more than the {MAX_PIXELS:,} pixels a photo may have (not decoded)") from None
    except (UnidentifiedImageError, OSError, ValueError):
        raise PhotoError("not an image (JPEG, PNG, WebP or GIF) that can be read") from None
    if image.format not in PHOTO_FORMATS:
        raise PhotoError(f"a {image.format} file: photos are JPEG, PNG, WebP or GIF")
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise PhotoError(f"refused: {width}×{height} pixels, more than the {MAX_PIXELS:,} pixels a photo may "
                         "have (not decoded)")
    return image


def _decoded(image: Image.Image, data: bytes) -> Image.Image:
    """The image's pixels, read whole: a damaged file fails here."""
    try:
        Image.open(io.BytesIO(data)).verify()
        image.load()
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise PhotoError(f"a damaged image ({exc})") from None
    return image


def _oriented_size(image: Image.Image) -> tuple[int, int]:
    width, height = image.size
    return (height, width) if image.getexif().get(0x0112) in (5, 6, 7, 8) else (width, height)


def _clean_pixels(image: Image.Image) -> Image.Image:
    """The picture as the camera meant it, as plain RGB pixels: orientation applied, metadata gone."""
    upright = ImageOps.exif_transpose(image)
    if upright.mode in ("RGBA", "LA", "P"):
        background = Image.new("RGB", upright.size, (255, 255, 255))
        rgba = upright.convert("RGBA")
        background.paste(rgba, mask=rgba.getchannel("A"))
        return background
    clean = Image.new("RGB", upright.size)
    clean.paste(upright.convert("RGB"))       # a fresh image: no info dict, EXIF or ICC carried over
    return clean


def _cached(cache: Path | None, site_path: str) -> bytes | None:
    if cache is None:
        return None
    entry = cache / Path(site_path).name
    try:
        return entry.read_bytes() if entry.is_file() and not entry.is_symlink() else None
    except OSError:
        return None


def _store(cache: Path | None, files: dict[str, bytes]) -> None:
    if cache is None:
        return
    try:
        cache.mkdir(parents=True, exist_ok=True)
        for site_path, blob in files.items():
            temporary = cache / (Path(site_path).name + ".tmp")
            temporary.unlink(missing_ok=True)
            temporary.write_bytes(blob)
            temporary.replace(cache / Path(site_path).name)
    except OSError:
        pass                      # a read-only checkout still builds, only without the photo cache


def attach_photos(pages: list[Page], seeds_dir: Path, cache: Path | None = None
                  ) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """Give each raw page's captions the photos of its ``.photos`` folder, in order; return the files to publish."""
    published: dict[str, bytes] = {}
    diagnostics: list[Diagnostic] = []
    for page in pages:
        folder = photo_folder(seeds_dir / page.source)
        if page.source.endswith(".md"):
            _attach_named(page, folder, cache, published, diagnostics)
            continue
        if not (folder.is_dir() and not folder.is_symlink()):
            continue
        names = sorted(p.name for p in folder.iterdir() if p.suffix.lower() in PHOTO_SUFFIXES)
        slots = [(article, index) for article in page.articles for index in range(len(article.captions))]
        placed = _placed(page, names, len(slots), diagnostics)
        photos: dict[int, tuple[Photo, dict[str, bytes]]] = {}
        for name in names:
            try:
                processed = process_photo(folder / name, cache)
            except PhotoError as exc:
                diagnostics.append(Diagnostic(f"{folder.name}/{name}", str(exc)))
                continue
            # an editor's placing first; the other photos take the captions left, in page order
            slot = placed.get(name)
            if slot is None:
                slot = next((i for i in range(len(slots) + len(names)) if i not in photos
                             and i not in placed.values()), None)
            photos[slot] = processed
        for slot, (photo, files) in sorted(photos.items()):
            if slot >= len(slots):
                continue
            article, index = slots[slot]
            position, caption = article.captions[index]
            article.captions[index] = (position, replace(caption, photo=photo))
            _first_photo(article, photo)
            published.update(files)
        extra = sum(1 for slot in photos if slot >= len(slots))
        if extra:
            diagnostics.append(Diagnostic(folder.name, f"{extra} photo(s) have no caption to go "
                                          f"with (the page has {len(slots)}); they are not published",
                                          Severity.WARNING))
    return published, diagnostics


def _attach_named(page: Page, folder: Path, cache: Path | None, published: dict[str, bytes],
                  diagnostics: list[Diagnostic]) -> None:
    """A contributed article's photos, each named in its body (``稿件.photos/01.jpg``), checked like any photo."""
    for article in page.articles:
        for slot, (position, caption) in enumerate(article.captions):
            if not caption.file:
                continue
            path = folder.parent / caption.file
            try:
                if folder.is_symlink() or not folder.is_dir() or folder.resolve() not in path.resolve().parents:
                    raise PhotoError(f"refused: '{caption.file}' is not a file of {folder.name}/")
                if not path.exists() and not path.is_symlink():
                    raise PhotoError("no such photo")
                photo, files = process_photo(path, cache)
            except PhotoError as exc:
                diagnostics.append(Diagnostic(page.source, f"{caption.file}: {exc}", line=caption.line))
                continue
            article.captions[slot] = (position, replace(caption, photo=photo))
            _first_photo(article, photo)
            published.update(files)


def _first_photo(article: Article, photo: Photo) -> None:
    """The article's first photo is its og:image and its listing thumbnail."""
    if not article.meta.image:
        article.meta = replace(article.meta, image=photo.path(photo.widths[-1], "jpg"),
                               thumbnail=photo.path(photo.widths[0], "jpg"))


def _placed(page: Page, names: list[str], captions: int, diagnostics: list[Diagnostic]) -> dict[str, int]:
    """The overrides' ``photos:`` as file → caption slot (0-based), each checked against the folder and the page."""
    placed: dict[str, int] = {}
    for name, (number, line) in page.photo_places.items():
        if name not in names:
            diagnostics.append(Diagnostic(page.overrides_source, f"photos: no photo '{name}' in "
                                          f"{photo_folder(Path(page.source)).name}/", line=line))
        elif not 1 <= number <= captions:
            diagnostics.append(Diagnostic(page.overrides_source, f"photos: the page has {captions} caption(s), "
                                          f"no caption {number}", line=line))
        elif number - 1 in placed.values():
            diagnostics.append(Diagnostic(page.overrides_source, f"photos: caption {number} has a photo already",
                                          line=line))
        else:
            placed[name] = number - 1
    return placed
