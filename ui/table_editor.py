"""Editable tables over list sections, with stable base data so edits are never applied twice."""

from typing import Any

import pandas as pd
import streamlit as st

from canvases.definition import Column, FieldDef, FieldKind
from ui import state, ui_messages


def _column_config(column: Column, contexts: list[str], externals: list[str]) -> Any:
    common: dict[str, Any] = {"help": column.help or None, "disabled": column.read_only}
    if column.width:
        common["width"] = column.width
    if column.kind is FieldKind.CHOICE:
        labels: dict[Any, str] = {o.value: o.label for o in column.options}
        return st.column_config.SelectboxColumn(
            column.label,
            options=list(labels),
            format_func=lambda v: labels.get(v, str(v)),
            default=column.default,
            **common,
        )
    if column.kind is FieldKind.CONTEXT:
        options = [*contexts, *externals] if column.with_externals else contexts
        return st.column_config.SelectboxColumn(column.label, options=options, **common)
    if column.kind is FieldKind.BOOL:
        return st.column_config.CheckboxColumn(column.label, default=False, **common)
    if column.kind in (FieldKind.NUMBER, FieldKind.INTEGER):
        step = 1 if column.kind is FieldKind.INTEGER else None
        return st.column_config.NumberColumn(column.label, min_value=0, step=step, **common)
    if column.kind is FieldKind.LONG_TEXT:
        return st.column_config.TextColumn(column.label, **({"width": "large"} | common))
    return st.column_config.TextColumn(column.label, default=column.default, **common)


def edit_table(
    key: str,
    field: FieldDef,
    rows: list[dict[str, Any]],
    *,
    contexts: list[str],
    label: str,
    disabled: bool = False,
    externals: list[str] | None = None,
) -> list[dict[str, Any]]:
    """Shows `rows` in an editable table and returns the rows as edited by the user.

    An empty table is a button until it is first used: a grid is the costliest element to draw, and a new canvas
    holds several. Once drawn, the grid stays while the person works in it (its state lives as long as it is drawn).
    """
    if not rows and not disabled and key not in st.session_state and st.session_state.get(state.TABLE_TO_OPEN) != key:
        st.button(
            ui_messages.START_TABLE.format(label=label),
            key=f"{key}{state.TABLE_START_SUFFIX}",
            icon="➕",
            type="tertiary",
            on_click=_open_table,
            args=(key,),
        )
        return rows
    base_key = state.table_base_key(key)
    # The editor's state holds edits relative to the data it was first given: keep that data
    # fixed while the widget lives, and rebuild it from the draft when the widget was gone.
    if key not in st.session_state or base_key not in st.session_state:
        columns = [c.key for c in field.columns]
        st.session_state[base_key] = pd.DataFrame(rows, columns=columns).astype(object)
    config = {c.key: _column_config(c, contexts, externals or []) for c in field.columns}
    edited = st.data_editor(
        st.session_state[base_key],
        key=key,
        num_rows="fixed" if disabled else "dynamic",
        disabled=disabled,
        hide_index=True,
        column_config=config,
        width="stretch",
        placeholder="—",
        alt=label,
    )
    if st.session_state.get(state.TABLE_TO_OPEN) == key:
        st.session_state[state.TABLE_TO_OPEN] = None
    frame = edited.astype(object).where(pd.notna(edited), None)
    return list(frame.to_dict(orient="records"))


def _open_table(key: str) -> None:
    st.session_state[state.TABLE_TO_OPEN] = key
