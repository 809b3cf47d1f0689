"""The Wegweiser generator's core: plain Python that knows nothing of MkDocs.

load (yamlfile, schema) -> validate and model (data, models) -> page table (pages) -> render (render/*)
-> checks of the result (html_safety). The MkDocs hooks in hooks/ only map MkDocs events onto these calls.
"""
