"""Ownership graphs of 001 p.7(4) for the tests of finding 1 (issue 8): the "diamond ladder"
(two entities per layer, each held by both entities of the next layer), a straight chain, and the
same graphs as rows of the web form ("HOLDER holds SHARE % of OWNED", OWNED blank: the applicant)."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "technopark" / "eligible.json"


def _pair(layer: int) -> tuple[str, str]:
    return f"l{layer}a", f"l{layer}b"


def ladder(layers: int, top: tuple[str, str] = ("state", "state"), upper: tuple[str, str] = ("50", "50"),
           direct: tuple[str, str] = ("50", "50")) -> dict:
    """Ownership facts of a ladder: the applicant is held `direct` by l1a and l1b; every entity of
    layer i < `layers` is held `upper` by l(i+1)a and l(i+1)b; the top layer's kinds are `top`."""
    entities = []
    for layer in range(1, layers + 1):
        for entity_id, kind in zip(_pair(layer), top, strict=True):
            if layer == layers:
                entities.append({"id": entity_id, "kind": kind})
                continue
            holders = [{"holder": h, "share": share} for h, share in zip(_pair(layer + 1), upper, strict=True)]
            entities.append({"id": entity_id, "kind": "legal_entity", "shareholders": holders})
    shareholders = [{"holder": holder, "share": share} for holder, share in zip(_pair(1), direct, strict=True)]
    return {"shareholders": shareholders, "entities": entities}


def chain(length: int, top: str = "state", share: str = "100") -> dict:
    """Ownership facts of a chain e1 → … → e<length>: each entity held `share` by the next one."""
    entities = [{"id": f"e{n}", "kind": "legal_entity", "shareholders": [{"holder": f"e{n + 1}", "share": share}]}
                for n in range(1, length)]
    entities.append({"id": f"e{length}", "kind": top})
    return {"shareholders": [{"holder": "e1", "share": share}], "entities": entities}


def form_rows(ownership: dict) -> list[tuple[str, str, str, str]]:
    """The same graph as rows of the web form: (holder, kind, share, owned)."""
    kinds = {e["id"]: e["kind"] for e in ownership["entities"]}
    rows = [(h["holder"], kinds[h["holder"]], h["share"], "") for h in ownership["shareholders"]]
    for entity in ownership["entities"]:
        rows += [(h["holder"], kinds[h["holder"]], h["share"], entity["id"]) for h in entity.get("shareholders", [])]
    return rows


def application(ownership: dict) -> dict:
    """The shipped eligible example application with this ownership (its applicant: Qoldau Labs LLP)."""
    data = json.loads(EXAMPLE.read_text("utf-8"))
    data["ownership"] = ownership
    return data
