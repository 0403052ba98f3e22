"""Coupling metrics as tables: per context, per relationship, and for the whole map."""

from dataclasses import asdict

import pandas as pd
import streamlit as st

from services.analysing import Analysis, broker_scores

MAP_METRIC_LABELS = {
    "contexts": "Bounded contexts",
    "relationships": "Relationships",
    "ai_edge_share": "Share of relationships touching AI",
    "contract_ratio": "AI relationships at contract strength",
    "max_ai_pain": "Highest pain of an AI relationship",
    "mean_ai_pain": "Mean pain of AI relationships",
    "ai_propagation_cost": "AI propagation cost (mean change blast radius)",
    "ai_cycle_ratio": "Share of AI components in cycles",
    "max_outage_blast_radius": "Largest outage blast radius of an AI component",
    "sync_depth_to_ai": "Longest synchronous chain from a critical context to a serving model",
}


def node_table(analysis: Analysis) -> pd.DataFrame:
    rows = []
    broker = broker_scores(analysis.context_map)
    for name, m in analysis.node_metrics.items():
        node = analysis.context_map.nodes[name]
        kind = ("AI · " if node.is_ai else "") + ("context" if node.internal else "external")
        rows.append(
            {
                "Context": name,
                "Kind": kind,
                "Fan-in": m.fan_in,
                "Fan-out": m.fan_out,
                "Instability": m.instability,
                "Weighted instability": m.instability_weighted,
                "Change blast radius": m.change_blast_radius,
                "Outage blast radius": m.outage_blast_radius,
                "Broker": broker.get(name),
                "Volatility": m.volatility,
                "Pain": m.pain,
                "In a cycle": m.in_cycle,
            }
        )
    return pd.DataFrame(rows)


def edge_table(analysis: Analysis) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "Relationship": e.label,
                "Pattern": e.pattern.value.replace("_", " ") if e.pattern else "",
                "Runtime": e.runtime.value if e.runtime else "",
                "Data use": e.data_use.value if e.data_use else "",
                "Strength": e.strength,
                "Distance": e.distance,
                "Volatility": e.volatility,
                "Pain": e.pain,
                "Balance": e.balance.replace("_", " "),
            }
            for e in analysis.context_map.edges
        ]
    )


def map_table(analysis: Analysis) -> pd.DataFrame:
    values = asdict(analysis.map_metrics)
    return pd.DataFrame(
        [{"Metric": MAP_METRIC_LABELS.get(k, k), "Value": round(float(v), 3)} for k, v in values.items()]
    )


def render_metrics(analysis: Analysis) -> None:
    ratio = st.column_config.NumberColumn(format="%.2f")
    st.markdown("##### Per context")
    st.caption(
        "Fan-in and fan-out count dependencies; instability = fan-out / (fan-in + fan-out), weighted by "
        "integration strength; blast radii are the share of internal contexts a change or an outage reaches."
    )
    st.dataframe(
        node_table(analysis),
        hide_index=True,
        width="stretch",
        key="metrics-nodes",
        column_config={
            c: ratio
            for c in (
                "Instability",
                "Weighted instability",
                "Change blast radius",
                "Outage blast radius",
                "Broker",
                "Pain",
            )
        },
    )
    st.markdown("##### Per relationship")
    st.caption(
        "Strength 0 (none) to 4 (intrusive), distance 2 (same team) to 4 (external), volatility 1–3; "
        "pain combines the three (Khononov)."
    )
    st.dataframe(
        edge_table(analysis), hide_index=True, width="stretch", key="metrics-edges", column_config={"Pain": ratio}
    )
    st.markdown("##### Whole map")
    st.dataframe(map_table(analysis), hide_index=True, width="stretch", key="metrics-map")
