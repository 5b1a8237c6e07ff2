"""Sharing a view: a "copy link" button that puts the address bar's full URL on the clipboard.

Every filter, the page, the language, the theme, the page's own choices and presentation mode
live in the URL (bound widgets and :func:`satisfaction.ui.context.url_choice`), so the address
is the view. Streamlit has no clipboard API and its server never sees the browser's current
address with every choice in it, so the copying is done in the browser: one script, installed
once per tab, listens for clicks on any button whose key starts with ``copy_link`` and copies
``window.location.href`` as it is at that moment. The button itself is an ordinary Streamlit
button in a fragment, so a click reruns only the button (to confirm with a toast), not the page.
"""

from __future__ import annotations

import streamlit as st

from satisfaction.i18n import t

KEY_PREFIX = "copy_link"

#: Copies the address on a click of any ``st-key-copy_link…`` button. The asynchronous
#: clipboard API needs a secure context (HTTPS or localhost); on plain HTTP the older
#: ``execCommand('copy')`` of a hidden text area does the same within the click.
COPY_SCRIPT = """
<script>
(() => {
  if (window.satisfactionCopyLink) return;
  window.satisfactionCopyLink = true;
  const fallback = (text) => {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  };
  document.addEventListener('click', (event) => {
    if (!event.target.closest('[class*="st-key-%(prefix)s"] button')) return;
    const text = window.location.href;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).catch(() => fallback(text));
    } else {
      fallback(text);
    }
  }, true);
})();
</script>
""" % {"prefix": KEY_PREFIX}

#: The script's element takes no room (nor leaves a gap between its neighbours).
HIDE_SCRIPT_CSS = ('<style>[data-testid="stLayoutWrapper"]:has(> [class*="st-key-share_script"]) '
                   '{ display: none; }</style>')


def copy_link(lang: str, key: str = KEY_PREFIX) -> None:
    """A "copy link" button (``key`` must start with ``copy_link``) and the script behind it."""
    if not key.startswith(KEY_PREFIX):
        raise ValueError(f"a copy-link button's key starts with {KEY_PREFIX!r}: {key!r}")
    with st.container(key=f"share_script_{key}"):
        st.html(HIDE_SCRIPT_CSS + COPY_SCRIPT, unsafe_allow_javascript=True)
    _button(lang, key)


@st.fragment
def _button(lang: str, key: str) -> None:
    if st.button(t("copy_link", lang), key=key, icon=":material/link:",
                 help=t("share_hint", lang)):
        st.toast(t("link_copied", lang), icon=":material/content_copy:")
