"""What a rule's code says about it: the severities it gives, the fields it needs, the sections it points to."""

import ast
import inspect
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from types import ModuleType

from analysis.acceptances import ACCEPTANCE_SEVERITY, acceptance_findings
from analysis.rules import registry

# The rule texts hold no severities or fields: those are decided in each rule's code, so they are read from there
# rather than written down a second time where they could drift.
FINDING_CALL = "finding"
FINDING_CLASS = "Finding"
NOT_EVALUABLE_CALL = "not_evaluable"
FIX_AT_POSITION = 5  # finding(rule, severity, subject, message, contexts, fix_at)
FIELD_POSITION = 2  # not_evaluable(rule, subject, field, where, contexts)
SEVERITY_ORDER = ("error", "warning", "info")
RELATIONSHIP_ENTRY = "the entry that declares the relationship"


@dataclass(frozen=True)
class RuleFacts:
    module: str  # the file the rule's code lives in, e.g. analysis/rules/vendor.py
    severities: tuple[str, ...]  # most severe first
    needs: tuple[str, ...]  # fields whose emptiness makes the rule report "not evaluable"
    points_to: tuple[str, ...]  # where its findings send the reader to fix them


def rule_producers() -> dict[str, Callable[..., object]]:
    """Each rule id the registry runs, with the function that reports it."""
    producers: dict[str, Callable[..., object]] = {f.__name__.split("_")[0].upper(): f for f in registry.RULE_FUNCTIONS}
    producers["AIC019"] = registry.balance_findings
    producers.update(dict.fromkeys(registry.CONSISTENCY_SEVERITY, registry.consistency_findings))
    producers.update(dict.fromkeys(ACCEPTANCE_SEVERITY, acceptance_findings))
    return producers


def rule_facts(rule: str) -> RuleFacts:
    """The facts about one rule, read from the code of the function that reports it and the helpers it calls."""
    producer = rule_producers()[rule]
    module = sys.modules[producer.__module__]
    calls = _calls_reached(module, producer.__name__)
    if rule in registry.CONSISTENCY_SEVERITY:
        severities = {registry.CONSISTENCY_SEVERITY[rule].value}
    elif rule in ACCEPTANCE_SEVERITY:
        severities = {ACCEPTANCE_SEVERITY[rule].value}
    else:
        severities = {_severity_name(node) for node in _nodes(module, producer.__name__) if _is_severity(node)}
    return RuleFacts(
        module=f"{producer.__module__.replace('.', '/')}.py",
        severities=tuple(s for s in SEVERITY_ORDER if s in severities),
        needs=_unique(_constant(_argument(c, FIELD_POSITION, "field")) for c in calls if _named(c, NOT_EVALUABLE_CALL)),
        points_to=_unique(p for c in calls if _makes_finding(c) for p in _fix_places(_fix_at(c))),
    )


@cache
def _function_trees(module: ModuleType) -> dict[str, ast.FunctionDef]:
    tree = ast.parse(inspect.getsource(module))
    return {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}


def _reached(module: ModuleType, start: str) -> list[ast.FunctionDef]:
    """The function and every function of the same module it calls, directly or through others."""
    trees = _function_trees(module)
    seen, stack = [start], [start]
    while stack:
        for node in ast.walk(trees[stack.pop()]):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
                name = node.func.id
                if name in trees and name not in seen:
                    seen.append(name)
                    stack.append(name)
    return [trees[name] for name in seen]


def _nodes(module: ModuleType, start: str) -> Iterator[ast.AST]:
    for function in _reached(module, start):
        yield from ast.walk(function)


def _calls_reached(module: ModuleType, start: str) -> list[ast.Call]:
    """The calls in the functions reached, each function's in the order they are written."""
    return [
        call
        for function in _reached(module, start)
        for call in sorted(
            (n for n in ast.walk(function) if isinstance(n, ast.Call)), key=lambda n: (n.lineno, n.col_offset)
        )
    ]


def _is_severity(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "Severity"


def _severity_name(node: ast.AST) -> str:
    assert isinstance(node, ast.Attribute)
    return node.attr.lower()


def _named(call: ast.Call, name: str) -> bool:
    return isinstance(call.func, ast.Name) and call.func.id == name


def _makes_finding(call: ast.Call) -> bool:
    return _named(call, FINDING_CALL) or _named(call, FINDING_CLASS)


def _fix_at(call: ast.Call) -> ast.expr | None:
    position = FIX_AT_POSITION if _named(call, FINDING_CALL) else len(call.args) + 1  # Finding(...) by keyword
    return _argument(call, position, "fix_at")


def _argument(call: ast.Call, position: int, keyword: str) -> ast.expr | None:
    if len(call.args) > position:
        return call.args[position]
    return next((k.value for k in call.keywords if k.arg == keyword), None)


def _constant(node: ast.expr | None) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _fix_places(node: ast.expr | None) -> Iterator[str]:
    """The sections a fix-at expression names, such as f"{name} › AI profile", in the order written."""
    for n in ast.walk(node) if node else ():
        if isinstance(n, ast.Constant) and isinstance(n.value, str) and "›" in n.value:
            yield n.value.rsplit("›", 1)[1].strip()
        elif isinstance(n, ast.Attribute) and n.attr == "fix_at":
            # The map sets a relationship's fix-at to the entry that declares it: a communication row or the editor.
            yield RELATIONSHIP_ENTRY


def _unique(values: Iterator[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))
