"""Entry point: page setup, session state and navigation over the pages in ui/pages."""

import streamlit as st

from ui import layout, room_panel, sign_in, state

st.set_page_config(page_title="Architecture Canvas Workbench", page_icon="🧭", layout="wide")
layout.apply_style()
if not sign_in.require_sign_in():  # with a provider, nothing of any workspace before sign-in
    st.stop()
state.init_state()
navigation = st.navigation(
    [
        st.Page("ui/pages/workspaces.py", title="Workspaces", icon="🗂️", default=True),
        st.Page("ui/pages/bounded_contexts.py", title="Bounded Context Canvas", icon="🧩"),
        st.Page("ui/pages/architecture_canvases.py", title="Architecture Communication Canvas", icon="🏛️"),
        st.Page("ui/pages/api_products.py", title="API Product Canvas", icon="🔌"),
        st.Page("ui/pages/context_map.py", title="Context map", icon="🗺️"),
        st.Page("ui/pages/readiness.py", title="Readiness", icon="🚦"),
        st.Page("ui/pages/exports.py", title="Print & export", icon="🖨️"),
        st.Page("ui/pages/history.py", title="History", icon="🕓"),
        st.Page("ui/pages/compare.py", title="Compare versions", icon="🔍"),
    ]
)
st.session_state[state.PAGE] = navigation.title
state.begin_full_run()
try:
    save_pressed, save_state = layout.render_sidebar()
    layout.run_page(navigation)
    # After the page ran, the draft holds every edit sent together with this click.
    if save_pressed:
        layout.save_draft()
    room_panel.keep_draft()
    layout.show_save_state(save_state)
    state.keep_link()
finally:  # also when the page stops or reruns: a fragment's run after this one is not part of a full run
    state.end_full_run()
