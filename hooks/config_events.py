"""MkDocs hook: at the start of each language pass, configure MkDocs from the site build – names,
navigation, Markdown extensions, template escaping – and give every page its address."""
from __future__ import annotations

from pathlib import Path

from i18n_adapter import AFTER_I18N_FILES, check_plugin, lifecycle, place
from jinja2 import Environment
from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

from wegweiser.csp import REFERRER_POLICY, inline_scripts, policy
from wegweiser.markdown_ext import ContentSafetyExtension, GlossaryExtension
from wegweiser.minify import minified
from wegweiser.render.brand import BRAND_CSS, brand_css
from wegweiser.template_cache import TEMPLATE_CACHE


def on_startup(*, command: str, dirty: bool) -> None:
    lifecycle.command = command


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    check_plugin(config)
    if config.repo_url:
        raise PluginError("mkdocs.yml: 'repo_url' makes every reader's browser call the GitHub API; "
                          "link the repository from a page instead")
    if config.theme.get("font") is not False:
        raise PluginError("mkdocs.yml: theme.font must be false (no fonts from Google's servers)")
    build, lang = lifecycle.start_pass(config)
    site = build.data.site
    # Text handed to the theme goes in as HTML (escaped, as Markup): its own templates print it as
    # it is, ours (autoescaped) leave Markup alone.
    # The short title names the site in the header and the title bar (the full name is too long for
    # phones); the start page shows the full one (overrides/main.html).
    config.site_name, config.site_description, config.copyright = \
        escape(site.short_name[lang]), escape(site.description[lang]), escape(site.copyright[lang])
    config.nav = _escaped(build.table.nav(lang))
    config.extra["wegweiser"] = {**build.site_context(lang), "problems": lifecycle.problems,
                                 "sitemap": build.sitemap(config.site_url or "")}
    # The extensions the page events talk to, one each per pass (the config object is shared).
    extensions: list = config.markdown_extensions
    extensions[:] = [ext for ext in extensions if not isinstance(ext, GlossaryExtension | ContentSafetyExtension)]
    extensions += [GlossaryExtension(build.data.glossary, lang), ContentSafetyExtension()]
    # Back-links of the sources' footnotes titled in the pass's language ('%d': the footnote's number).
    config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = \
        build.data.labels.ui["footnote_back"][lang].replace("{n}", "%d")
    # The permalinks' tooltip, for mouse users (screen readers skip the permalinks: markdown_ext).
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = build.data.labels.ui["permalink_title"][lang]
    return config


def _escaped(nav: list) -> list:
    return [{escape(title): _escaped(target) if isinstance(target, list) else target
             for title, target in item.items()} if isinstance(item, dict) else item for item in nav]


@event_priority(AFTER_I18N_FILES)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    build, lang = lifecycle.build, config.extra["wegweiser"]["lang"]
    assert build is not None
    for page in build.table:
        src_uri = page.src_uri(lang)
        file = files.get_file_from_path(src_uri)
        if page.kind == "chapter":
            if file is None or file.src_uri != src_uri:
                raise PluginError(f"docs/{src_uri} is missing from the files MkDocs builds")
        else:
            if file is not None:
                raise PluginError(f"docs/{src_uri}: this path is reserved for a page made from data; move the file")
            file = File.generated(config, src_uri, content=build.generated_markdown(page, lang))
            files.append(file)
        place(file, page.dest_uri(lang), page.path[lang], config.site_dir)
    # The publisher's colours from data/site.yaml, as a stylesheet (inline styles are not allowed).
    if files.get_file_from_path(BRAND_CSS) is None:
        files.append(File.generated(config, BRAND_CSS, content=brand_css(build.data.site.brand)))
    for file in files.media_files():  # ours only: the theme's files have another src_dir
        if file.src_dir == config.docs_dir and (text := minified(file.src_uri, file.content_string)) is not None:
            file.content_string = text
    return files


# The templates that print inline scripts into every page: the policy allows exactly these.
INLINE_SCRIPTS = ("partials/javascripts/base.html", "partials/javascripts/palette.html",
                  "partials/javascripts/content.html", "partials/javascripts/no-js.html",
                  "partials/javascripts/search-loader.html")


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    """Every template of overrides/ escapes what it prints (MkDocs' Jinja does not by default):
    a value from data can only become markup where a template says '| safe'."""
    env.bytecode_cache = TEMPLATE_CACHE
    overrides = Path(config.theme.custom_dir or "overrides")
    ours = {path.relative_to(overrides).as_posix() for path in overrides.rglob("*") if path.is_file()}
    env.autoescape = lambda name: name in ours
    scripts = [body for name in INLINE_SCRIPTS for body in inline_scripts(
        env.get_template(name).render(config=config, features=config.theme.get("features", []), base_url=""))]
    # The search (Pagefind) runs as WebAssembly.
    config.extra["wegweiser"].update(csp=policy(scripts, wasm=True), referrer=REFERRER_POLICY)
    return env
