"""Building the HTML and text of the newsletter's emails (issues and digests).

Mail programs ignore or strip ``<style>`` blocks (Gmail's app, Outlook), so the emails are
laid out with tables and every style is moved into ``style=""`` attributes when the HTML is
built, by css-inline (a maintained, standards-following inliner: our own would get
selector specificity and media queries wrong). The ``<style>`` block stays in the head for
the clients that read it: its ``@media`` rule narrows the paddings on a phone.

The HTML of an issue is built once per language and audience and holds placeholders for
the recipient's own links, filled in for each message (:func:`personalise`).
"""

from dataclasses import dataclass

import css_inline
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

UNSUBSCRIBE = "__newsletter_unsubscribe__"
PREFERENCES = "__newsletter_preferences__"

_inliner = css_inline.CSSInliner(keep_style_tags=True, load_remote_stylesheets=False)


@dataclass(frozen=True)
class Built:
    subject: str
    text: str
    html: str

    def personalise(self, *, unsubscribe: str, preferences: str) -> "Built":
        def fill(value: str) -> str:
            return value.replace(UNSUBSCRIBE, unsubscribe).replace(PREFERENCES, preferences)

        return Built(self.subject, fill(self.text), fill(self.html))


def build(template: str, context: dict, language: str) -> Built:
    """Render ``newsletter/build/<template>.html`` and ``.txt`` in ``language`` and inline
    the CSS of the HTML."""
    context = {
        "site_url": settings.SITE_URL,
        "unsubscribe_url": UNSUBSCRIBE,
        "preferences_url": PREFERENCES,
        **context,
    }
    with translation.override(language):
        html = render_to_string(f"newsletter/build/{template}.html", context)
        text = render_to_string(f"newsletter/build/{template}.txt", context)
    return Built(" ".join(str(context["subject"]).split()), text.strip() + "\n", inline(html))


def inline(html: str) -> str:
    return _inliner.inline(html)


def issue_blocks(issue, *, members: bool) -> list:
    """The blocks of ``issue`` a reader sees: members-only items only for members."""
    blocks = list(issue.blocks.all())
    return blocks if members else [block for block in blocks if not block.members_only]


def build_issue(issue, *, language: str, members: bool) -> Built:
    """The issue as one reader of ``language`` (member or not) receives it."""
    with translation.override(language):
        subject = issue.subject
        preheader = issue.preheader
    return build(
        "issue",
        {
            "issue": issue,
            "subject": subject,
            "preheader": preheader,
            "blocks": issue_blocks(issue, members=members),
            "language": language,
        },
        language,
    )
