"""The theme the page is drawn in, kept in the URL as ``?theme=light|dark``.

Streamlit keeps a person's theme choice (its settings menu) in the browser's local storage
under ``stActiveTheme-<path>-v2``, never in the URL, and tells the server which theme is
showing (``st.context.theme.type``). So:

- a link's ``?theme=`` wins on the session's first run: the charts and our HTML take it at
  once, and when Streamlit shows the other theme a one-off script stores the link's theme
  under Streamlit's own key and reloads the page, so the whole app follows (the script
  reloads only when the stored value differs, so it can never loop); the viewer can still
  change it in the settings menu afterwards;
- otherwise the page follows Streamlit's active theme, and the URL says which it is (the
  parameter is left out for light, the default), so a copied link carries it.
"""

from __future__ import annotations

import json

import streamlit as st

from satisfaction.charts import THEMES

PARAM = "theme"
_SEEN = "theme_seen"
#: Streamlit's stored choice is its menu's word: "Light", "Dark" or "System".
_SWITCH = """<script>
(() => {{
  const key = `stActiveTheme-${{window.location.pathname}}-v2`;
  const wanted = {wanted};
  if (window.localStorage.getItem(key) !== wanted) {{
    window.localStorage.setItem(key, wanted);
    window.location.reload();
  }}
}})();
</script>"""


def _streamlit_theme() -> str | None:
    shown = st.context.theme.type
    return shown if shown in THEMES else None


def _switch_streamlit(theme: str) -> None:
    st.html(_SWITCH.format(wanted=json.dumps(json.dumps(theme.capitalize()))),
            unsafe_allow_javascript=True)


def active() -> str:
    """'light' or 'dark': the link's theme on the session's first run, then Streamlit's."""
    shown = _streamlit_theme()
    if _SEEN not in st.session_state:
        st.session_state[_SEEN] = True
        wanted = st.query_params.get(PARAM)
        if wanted in THEMES:
            if shown != wanted:
                _switch_streamlit(wanted)
            return wanted
    theme = shown or st.query_params.get(PARAM) or "light"
    theme = theme if theme in THEMES else "light"
    if theme == "light":
        st.query_params.pop(PARAM, None)
    else:
        st.query_params[PARAM] = theme
    return theme
