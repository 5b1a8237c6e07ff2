"""Names from data placed in Markdown show their own characters: no link, emphasis, HTML,
formula or Streamlit directive."""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from satisfaction.text import markdown_literal


#: The invisible word joiner markdown_literal puts after a colon or at-sign, before a full stop.
J = "\u2060"


@pytest.mark.parametrize(("name", "expected"), [
    ("[click me](http://evil.example)", rf"\[click me\]\(http\:{J}\/\/evil{J}\.example\)"),
    ("<b>x</b>", r"\<b\>x\<\/b\>"),
    ("**bold**", r"\*\*bold\*\*"),
    ("_x_ `code` ~~gone~~", r"\_x\_ \`code\` \~\~gone\~\~"),
    ("# heading", r"\# heading"),
    ("a | b", r"a \| b"),
    ("$x^2$", r"\$x\^2\$"),
    (":red[alarm] :smile:", rf"\:{J}red\[alarm\] \:{J}smile\:{J}"),
    (":material/home:", rf"\:{J}material\/home\:{J}"),
    ("![img](x.png)", rf"\!\[img\]\(x{J}\.png\)"),
    (r"back\slash", r"back\\slash"),
    ("AT&amp;T", r"AT\&amp\;T"),
    ("www.evil.example", rf"www{J}\.evil{J}\.example"),
    ("ask@evil.example", rf"ask\@{J}evil{J}\.example"),
    ("mobile check-in", "mobile check-in"),
    ("- a list?", r"\- a list\?"),
    ("两行\n# 标题", r"两行 \# 标题"),
    ("  padded  ", "padded"),
    ("会员积分", "会员积分"),
])
def test_markdown_specials_are_escaped(name, expected):
    assert markdown_literal(name) == expected


def test_numbers_and_none_are_text():
    assert markdown_literal(12.5) == rf"12{J}\.5" and markdown_literal(None) == "None"


def bare_specials(markdown: str) -> list[str]:
    """Punctuation (but a hyphen after the start) not escaped by a backslash, read left to
    right as CommonMark does: a backslash escapes the punctuation mark after it."""
    bare, i = [], 0
    while i < len(markdown):
        char = markdown[i]
        if char == "\\" and i + 1 < len(markdown) and markdown[i + 1] in string.punctuation:
            i += 2
            continue
        if char in string.punctuation and not (char == "-" and i > 0):
            bare.append(char)
        i += 1
    return bare


def unescape(markdown: str) -> str:
    """What CommonMark shows for a text made only of characters and backslash escapes (the
    word joiners are invisible)."""
    return re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", markdown.replace(J, ""))


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=J),
               max_size=40)
       | st.lists(st.sampled_from(["http://", "www.", "@", ":", "smile", "x.y", " ", "[", "]("]),
                  max_size=8).map("".join))
def test_every_punctuation_mark_is_escaped_and_shows_as_itself(name):
    escaped = markdown_literal(name)
    # no special character is left bare, so no Markdown construct can start
    assert bare_specials(escaped) == [], (name, escaped)
    assert "\n" not in escaped and "\r" not in escaped
    # no bare URL, e-mail address or short code is left for Streamlit to find in the text read
    shown = re.sub(r"\\([" + re.escape(string.punctuation) + "])", r"\1", escaped)
    assert not re.search(r"https?://|www\.|[-.\w+]@[-\w]|:[\w/+-]+:", shown, re.I), shown
    # and read back, it is the name (line breaks as spaces, ends trimmed)
    flat = re.sub(r"[\r\n\u2028\u2029]+", " ", name).strip()
    assert unescape(escaped) == flat
