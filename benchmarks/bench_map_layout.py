"""Context-map layout time by size: the engine the workbench picks against `dot` alone on the same map.

Run: .venv/bin/python benchmarks/bench_map_layout.py [--sizes 30:4,100:4,300:2] [--repeat 3] [--write DIR]
Each size is CONTEXTS:RELATIONSHIPS_PER_CONTEXT; 10 % of the contexts are AI components. `--write DIR`
also stores each generated workspace as a workspace file.

The time until a large map is on screen in the browser is measured by bench_map_page.py.
"""

import argparse
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis.engine import analyze_workspace
from formats.graphviz.context_map_dot import render_context_map_dot
from formats.workspace_json.workspace_file import dump_workspace_json
from models.bounded_context import AiKind, AiProfile, BoundedContextCanvas, DomainType
from models.relationship import Relationship, RelationshipPattern, Role
from models.workspace import Team, Workspace

AI_KINDS = [AiKind.OWN_MODEL, AiKind.LLM_EXTERNAL, AiKind.FEATURE_STORE, AiKind.MODEL_ADAPTER]
DOT_TIMEOUT = 300.0
# (pattern, upstream roles, downstream roles, weight): mostly upstream/downstream, as in real maps.
SHAPES = [
    (
        RelationshipPattern.UPSTREAM_DOWNSTREAM,
        [Role.OPEN_HOST_SERVICE, Role.PUBLISHED_LANGUAGE],
        [Role.ANTICORRUPTION_LAYER],
        4,
    ),
    (RelationshipPattern.UPSTREAM_DOWNSTREAM, [Role.OPEN_HOST_SERVICE], [Role.CONFORMIST], 3),
    (RelationshipPattern.CUSTOMER_SUPPLIER, [Role.PUBLISHED_LANGUAGE], [], 2),
    (RelationshipPattern.SHARED_KERNEL, [], [], 1),
    (RelationshipPattern.PARTNERSHIP, [], [], 1),
]


def random_workspace(contexts: int, per_context: int, *, ai_share: float = 0.1, seed: int = 7) -> Workspace:
    """A valid workspace of `contexts` contexts, each starting `per_context` relationships to others."""
    rng = random.Random(seed)
    teams = [Team(name=f"Team {i + 1}") for i in range(max(1, contexts // 6))]
    ai = set(rng.sample(range(contexts), round(contexts * ai_share)))
    canvases = [
        BoundedContextCanvas(
            name=f"Context {i + 1:03d}",
            owner_team=rng.choice(teams).name,
            domain=rng.choice(list(DomainType)),
            ai_profile=AiProfile(kind=rng.choice(AI_KINDS) if i in ai else AiKind.NONE),
        )
        for i in range(contexts)
    ]
    pairs: set[frozenset[int]] = set()
    relationships = []
    for up in range(contexts):
        for _ in range(per_context):
            down = rng.randrange(contexts)
            if down == up or frozenset((up, down)) in pairs:
                continue
            pairs.add(frozenset((up, down)))
            pattern, up_roles, down_roles, _ = rng.choices(SHAPES, weights=[s[3] for s in SHAPES])[0]
            relationships.append(
                Relationship(
                    upstream=canvases[up].name,
                    downstream=canvases[down].name,
                    pattern=pattern,
                    upstream_roles=up_roles,
                    downstream_roles=down_roles,
                )
            )
    return Workspace(
        name=f"Generated {contexts}x{per_context}", teams=teams, bounded_contexts=canvases, relationships=relationships
    )


def layout_seconds(source: str) -> float:
    """Wall time of one `dot -Tsvg` run; the engine is the one the source's `layout` attribute names."""
    started = time.perf_counter()
    subprocess.run(["dot", "-Tsvg", "-o", "/dev/null"], input=source.encode(), check=True, timeout=DOT_TIMEOUT)
    return time.perf_counter() - started


def with_engine(source: str, engine: str) -> str:
    return source.replace('layout="sfdp"', f'layout="{engine}"').replace('layout="dot"', f'layout="{engine}"')


def measure(contexts: int, per_context: int, repeat: int, write: Path | None) -> dict[str, object]:
    workspace = random_workspace(contexts, per_context)
    if write is not None:
        write.mkdir(parents=True, exist_ok=True)
        (write / f"generated-{contexts}x{per_context}.json").write_text(dump_workspace_json(workspace), "utf-8")
    started = time.perf_counter()
    analysis = analyze_workspace(workspace)
    analysed = time.perf_counter() - started
    started = time.perf_counter()
    source = render_context_map_dot(analysis)
    rendered = time.perf_counter() - started
    engine = "sfdp" if 'layout="sfdp"' in source else "dot"
    chosen = statistics.median(layout_seconds(source) for _ in range(repeat))
    try:
        dot_alone = f"{layout_seconds(with_engine(source, 'dot')):.2f}"
    except subprocess.TimeoutExpired:
        dot_alone = f">{DOT_TIMEOUT:.0f}"
    return {
        "contexts": contexts,
        "relationships": len(workspace.relationships),
        "analysis_s": f"{analysed:.2f}",
        "dot_source_s": f"{rendered:.3f}",
        "engine": engine,
        "chosen_layout_s": f"{chosen:.2f}",
        "dot_alone_s": dot_alone,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="30:4,100:4,300:2")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args()
    sizes = [tuple(int(n) for n in size.split(":")) for size in args.sizes.split(",")]
    rows = [measure(contexts, per_context, args.repeat, args.write) for contexts, per_context in sizes]
    columns = list(rows[0])
    print(" | ".join(columns))
    for row in rows:
        print(" | ".join(str(row[c]) for c in columns))


if __name__ == "__main__":
    main()
