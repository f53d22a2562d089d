"""scripts/hooks/shown_on.py: each API-reference entry lists the pages that show its code."""

from __future__ import annotations

import pytest
import shown_on
import snippets

# Computes nothing a CPU's kernels could change: not repeated under generic numerics.
pytestmark = pytest.mark.numeric_free


def test_shown_objects_follow_the_snippet_includes():
    shown = shown_on.shown_objects()
    opt = "syllabus_code.numpy_nn.optimizers"
    # the page shows the maths core; the public wrapper that calls it is shown there too
    assert shown[f"{opt}._adam_update"] == ["03-neural-networks/optimizers.md"]
    assert shown[f"{opt}.adam_update"] == ["03-neural-networks/optimizers.md"]
    assert shown["syllabus_code.numpy_nn.network.MLP.loss_and_grads"] == [
        "03-neural-networks/backpropagation.md"
    ]
    assert "syllabus_code.numpy_nn.network.iterate_minibatches" not in shown
    # every object named is one a page really includes
    includes = snippets.includes()
    for pages in shown.values():
        assert pages and all(
            any(p in where for where in includes.values()) for p in pages
        )


def test_a_reexported_object_is_shown_under_the_module_that_reexports_it():
    shown = shown_on.shown_objects()
    # maths.eigen defines pca; linalg lists it in __all__ (the API reference renders it there)
    # and the maths package re-exports it from eigen
    page = ["00-foundations/linear-algebra.md"]
    assert (
        shown["syllabus_code.maths.eigen.pca"]
        == shown["syllabus_code.maths.linalg.pca"]
        == page
    )
    assert shown["syllabus_code.maths.pca"] == page
    # members of a re-exported class follow it
    assert shown["syllabus_code.models.vit.EncoderBlock.forward"] == [
        "09-vision-transformers/transformer-block.md"
    ]
    # a name imported for use but not listed in __all__ is not a re-export
    assert [t for _, t in shown_on._reexports("syllabus_code/models/vit.py")] == [
        f"syllabus_code.models.transformer.{n}"
        for n in ("Encoder", "EncoderBlock", "MLPBlock")
    ]
    assert shown_on._reexports("syllabus_code/numpy_nn/conv.py") == (
        (
            "syllabus_code.numpy_nn.conv.convolve1d",
            "syllabus_code.numpy_nn.conv1d.convolve1d",
        ),
        (
            "syllabus_code.numpy_nn.conv.correlate1d",
            "syllabus_code.numpy_nn.conv1d.correlate1d",
        ),
    )


def test_shown_on_line_goes_after_the_heading():
    page = (
        '<h3 id="syllabus_code.a.f" class="doc doc-heading"><code>f()</code></h3>\n'
        '<div class="doc doc-contents">Doc.</div>\n'
        '<h3 id="syllabus_code.a.g" class="doc doc-heading"><code>g()</code></h3>'
    )
    shown = {"syllabus_code.a.f": ["03-x/p.md", "04-y/q.md"]}
    out = shown_on.shown_on_html(
        page, shown, lambda src: (f"../../{src[:-3]}/", src.upper())
    )
    assert out.count('class="shown-on"') == 1
    assert (
        '</h3>\n<p class="shown-on">Shown on: <a href="../../03-x/p/">03-X/P.MD</a>, '
        '<a href="../../04-y/q/">04-Y/Q.MD</a></p>\n<div'
    ) in out
    assert out.endswith("<code>g()</code></h3>")


def test_page_title_names_the_module(tmp_path):
    page = tmp_path / "03-neural-networks" / "optimizers.md"
    page.parent.mkdir()
    page.write_text("Intro\n\n# Gradient descent and its variants\n", encoding="utf-8")
    assert shown_on.page_title(page) == "Module 3: Gradient descent and its variants"


def test_hook_links_the_pages_from_a_reference_page(tmp_path):
    """on_files + on_page_content as MkDocs calls them, on MkDocs's own File objects."""
    from types import SimpleNamespace

    from mkdocs.structure.files import File, Files

    docs = snippets.ROOT / "docs"
    srcs = [
        "reference/numpy_nn.md",
        "03-neural-networks/optimizers.md",
        "03-neural-networks/index.md",
    ]
    files = Files([File(s, str(docs), str(tmp_path), True) for s in srcs])
    config = {"docs_dir": str(docs)}
    shown_on.on_files(files, config)
    ref = SimpleNamespace(file=files.get_file_from_path("reference/numpy_nn.md"))
    html = (
        '<h3 id="syllabus_code.numpy_nn.optimizers.adam_update" class="doc doc-heading">'
        "<code>adam_update()</code></h3>"
    )
    out = shown_on.on_page_content(html, ref, config, files)
    assert out.endswith(
        '</h3>\n<p class="shown-on">Shown on: <a href="../../03-neural-networks/optimizers/">'
        "Module 3: Gradient descent and its variants</a></p>"
    )
    # other pages are left alone
    page = SimpleNamespace(file=files.get_file_from_path("03-neural-networks/index.md"))
    assert shown_on.on_page_content(html, page, config, files) == html
