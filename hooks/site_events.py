"""MkDocs hook: finish the site once every language's pages are written – the 404 page of each
language, the share images, the PDFs of the guide, the search index, the web editor at /admin/."""
from __future__ import annotations

import os
from pathlib import Path

from i18n_adapter import lifecycle, log, pass_language
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from wegweiser.cms import make_admin
from wegweiser.languages import url_prefix
from wegweiser.pdf import write_pdfs
from wegweiser.problems import DataError
from wegweiser.search_index import index_site, write_texts
from wegweiser.share_image import IMAGE_PATH, draw_share_image


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name == "404.html":
        # Each pass writes the same 404.html; keep each language's own for the end.
        lifecycle.not_found[pass_language(config)] = output
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    if not lifecycle.end_pass(config):
        return
    build, site_dir = lifecycle.build, Path(config.site_dir)
    assert build is not None
    for lang, output in lifecycle.not_found.items():
        (site_dir / url_prefix(lang) / "404.html").write_text(output, encoding="utf-8")
        draw_share_image(build.data.site.name[lang], build.data.labels.ui["share_subtitle"][lang],
                         site_dir / IMAGE_PATH.format(lang=lang))
    # The PDFs take most of a build: skipped under 'serve' and where tests do not look at them.
    if lifecycle.command != "serve" and os.environ.get("WEGWEISER_PDF") != "0":
        try:
            write_pdfs(site_dir, build, config.site_url or "")
        except DataError as error:
            raise PluginError(str(error)) from None
    try:
        pages = index_site(site_dir)
    except DataError as error:
        raise PluginError(str(error)) from None
    write_texts(site_dir, build.data.labels)
    log.info("Search index: %s", ", ".join(f"{count} pages ({lang})" for lang, count in pages.items()))
    if make_admin(build.root, site_dir, build.table, {**config.extra["cms"], "site_url": config.site_url}) is None:
        if os.environ.get("WEGWEISER_RELEASE") == "1":
            raise PluginError("The web editor needs its npm packages: run 'npm ci' (make build does)")
        log.info("No node_modules/decap-cms: the site is built without the web editor (make build adds it)")
