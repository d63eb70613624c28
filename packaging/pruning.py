"""Leave out of the bundle what the app never loads, and the shared libraries only that needed.

PyInstaller collects every Qt plugin of the modules it finds and, with them, the system
libraries they link (the GTK platform theme alone brings pango, cairo, gdk-pixbuf...).
Filtering the plugins is not enough: their libraries stay behind. So a library goes only
when nothing that stays still needs it; a library something kept needs is never touched.
"""

from __future__ import annotations

from pathlib import PurePath

from PyInstaller.depend import bindepend

# Entries PyInstaller names with these fragments are left out (dest paths use '/').
UNUSED = (
    # Qt translations: the app is in English only.
    "PySide6/Qt/translations/",
    # Platform plugins for embedded screens and remote desktops; xcb, wayland, offscreen stay.
    "platforms/libqeglfs", "platforms/libqlinuxfb", "platforms/libqvnc", "platforms/libqvkkhrdisplay",
    "platforms/libqminimalegl", "egldeviceintegrations/", "libQt6EglFs", "plugins/generic/",
    # The GTK theme plugin: Qt's own Fusion style is used everywhere (ui/theme.py).
    "platformthemes/libqgtk3",
    # Image formats the app never reads (its icons are SVG; PDFs render through pdfium).
    "imageformats/libqtiff", "imageformats/libqwebp", "imageformats/libqjpeg", "imageformats/libqicns",
    "imageformats/libqtga", "imageformats/libqwbmp", "imageformats/libqpdf",
    # Pillow is imported by reportlab for embedded images, which our PDFs never hold:
    # its font, colour-management, AVIF, WebP and Tk extensions are never loaded.
    "PIL/_avif", "PIL/_webp", "PIL/_imagingcms", "PIL/_imagingft", "PIL/_imagingtk",
    # Codecs for East Asian legacy encodings: every file the app reads or writes is UTF-8.
    "lib-dynload/_codecs_jp", "lib-dynload/_codecs_kr", "lib-dynload/_codecs_cn", "lib-dynload/_codecs_tw",
    "lib-dynload/_codecs_hk", "lib-dynload/_codecs_iso2022", "lib-dynload/_multibytecodec",
    # Qt modules and libraries of features the app does not use.
    "Qt6Quick", "Qt6Qml", "Qt6Pdf", "Qt6Network", "Qt6OpenGL", "Qt6VirtualKeyboard", "qmltooling",
    "sqldrivers/", "multimedia/", "position/", "networkinformation/", "tls/",
    # CUPS: printing needs the system's CUPS anyway (no printer is listed without it), and Qt's
    # print plugin loads the system's libcups, which matches its daemon. Bundling it brought
    # gnutls, p11-kit, idn2, unistring, nettle... (~7 MB), room SQLCipher (8.4 MB) needed.
    # Its TLS chain goes with it: nothing else in the bundle links these (Qt's print plugin
    # reaches them only through libcups, so the scanner would keep them).
    "/libcups.so", "libcups.so.", "libgnutls.so", "libhogweed.so", "libnettle.so", "libidn2.so",
    "libunistring.so", "libp11-kit.so", "libtasn1.so", "libgmp.so",
)


def _unused(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    return any(fragment in dest for fragment in UNUSED)


def _needs(entries) -> set[str]:
    """Names of the shared libraries these binaries link, directly or through others."""
    names: set[str] = set()
    for _dest, src, _kind in entries:
        try:
            names.update(name for name, _path in bindepend.get_imports(src))
        except Exception:  # a file the dependency scanner cannot read needs nothing we know of
            continue
    return names


def prune(binaries, datas):
    """The binaries and data files to bundle, without the unused ones and their orphans."""
    dropped, kept = [], []
    for entry in binaries:
        (dropped if _unused(entry[0]) else kept).append(entry)
    suspects = _needs(dropped)
    # The libraries a dropped binary linked stay only if the rest of the app reaches them
    # (the scanner's answer is transitive, so the roots' needs are the whole closure).
    roots = [entry for entry in kept if PurePath(entry[0]).name not in suspects]
    orphans = suspects - _needs(roots)
    kept = [entry for entry in kept if PurePath(entry[0]).name not in orphans]
    return kept, [entry for entry in datas if not _unused(entry[0])]
