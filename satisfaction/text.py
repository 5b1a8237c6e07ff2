"""Text from data (feature, segment, region names …) made safe to place in Markdown.

Streamlit renders ``st.markdown``, ``st.caption``, ``st.write`` of a string and widget labels
as GitHub-flavoured Markdown with its own extensions: ``:color[…]`` directives, ``:emoji:``
and ``:material/icon:`` short codes, LaTeX between ``$``, bare URLs turned into links. A name
that a file or a survey tool supplied must show its characters as they are, never as a link,
an image, emphasis or a formula.
"""

from __future__ import annotations

import re
import string

#: Every ASCII punctuation character but the hyphen: CommonMark lets a backslash escape each of
#: them, and an escaped one is always the character itself (CommonMark 0.31, "Backslash
#: escapes"). A hyphen is special only where a line starts (a list item), so names such as
#: "check-in" keep theirs, and only a leading one is escaped.
_PUNCTUATION = re.compile("([" + re.escape(string.punctuation.replace("-", "")) + "]|^-)")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")

#: Bare URLs (``http://…``, ``www.…``), e-mail addresses and ``:emoji:`` / ``:material/…:``
#: short codes are found in the text after escapes are read, so escapes cannot stop them; an
#: invisible word joiner (U+2060) after every colon and at-sign and before every full stop
#: breaks each pattern and leaves what the reader sees unchanged.
_JOINER = "\u2060"
_UNLINK = re.compile(r"(\\[:@])|(\\\.)")


def markdown_literal(text: object) -> str:
    r"""``text`` as Markdown that renders exactly those characters: ``[a](http://b)`` becomes
    ``\[a\]\(http\:\/\/b\)``.

    Every ASCII punctuation character gets a backslash (a hyphen only at the start), which
    covers links and images (``[ ] ( ) !``), emphasis (``* _ ~``), code (`````), headings
    (``#``), quotes and raw HTML (``> <``), tables (``|``), LaTeX (``$``), Streamlit's
    ``:color[…]`` directives and short codes (``:``), bare URLs and e-mail addresses
    (``: / . @``, with an invisible word joiner, see :data:`_UNLINK`) and entities (``&``).
    Line breaks become spaces and the ends are trimmed, so a name cannot open a block (a
    heading, a list, code) of its own.
    """
    escaped = _PUNCTUATION.sub(r"\\\1", _LINE_BREAKS.sub(" ", str(text)).strip())
    return _UNLINK.sub(lambda m: m[1] + _JOINER if m[1] else _JOINER + m[2], escaped)


_ESCAPED = re.compile(r"\\([" + re.escape(string.punctuation) + "])")


def plain_text(markdown: str) -> str:
    """A sentence built with :func:`markdown_literal` names as the plain text it renders to (for
    a slide or a PDF, which do not read Markdown): escapes and word joiners taken out."""
    return _ESCAPED.sub(r"\1", markdown.replace(_JOINER, ""))
