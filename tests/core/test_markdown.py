"""Markdown written by staff and members is rendered, and nothing dangerous survives."""

from core.markdown import markdown_to_text, render_markdown


def test_markdown_is_rendered_with_headings_starting_at_h2():
    html = render_markdown("# Titre\n\nUn **texte** avec [un lien](https://example.org).")
    assert "<h2>Titre</h2>" in html
    assert "<h1>" not in html
    assert "<strong>texte</strong>" in html
    assert 'href="https://example.org"' in html
    assert 'rel="noopener noreferrer"' in html


def test_scripts_event_handlers_and_javascript_links_are_removed():
    html = render_markdown(
        "<script>alert(1)</script>\n\n"
        '<img src=x onerror="alert(2)">\n\n'
        "[clic](javascript:alert(3))\n\n"
        '<a href="#" onclick="alert(4)">a</a> <style>body{}</style>'
    )
    for dangerous in ("<script", "onerror", "javascript:", "onclick", "<style", "<img"):
        assert dangerous not in html


def test_plain_text_strips_every_tag():
    assert markdown_to_text("Un **mot** et <b>un autre</b>") == "Un mot et un autre"
