#!/usr/bin/env python3
"""Independent expected results for the sample tenders in samples/.

This is deliberately NOT a parser of the rule language: each sample's requirements, criteria,
tie-break chain and abnormally-low rules are written out again by hand in Python below, from
reading samples/<name>/rules.crit. Only the bids are read from samples/<name>/bids.csv. The
evaluation order follows docs/LANGUAGE.md, "Evaluation order":

  1. requirements, bid by bid (a failing bid is inadmissible);
  2. gates: criteria with `minimum:` scored over the admissible bids of the lot; below -> eliminated;
  3. scores of every criterion over the remaining bids (aggregates recomputed), clamped to 0..100;
  4. totals: sum of (score - 0) / (100 - 0) * weight (weight in % points or in points);
  5. ranking by total, highest first; equal totals through the tie-break chain; still equal ->
     shared rank (1, 1, 3);
  6. abnormally-low flags over the ranked bids.

Aggregates always range over the bids of the same lot that are still in the competition at that
stage. Values as in src/core/field.hpp: percent as a fraction (40 -> 0.4), yes/no as True/False,
enum as the member's name, money and quantities as plain floats (units are not modelled here).
Numbers are doubles and nothing is rounded, so the engine's output must be compared with a
tolerance (abs 1e-9): e.g. linear(40 %, 30 % -> 0, 80 % -> 100) is 20.000000000000007 here.

Writes tests/expected/<sample>.json:
  {"lots": [{"lot": "" | lot id,
             "ranking": [{"bidder", "rank", "total", "admissible", "scores", "excluded_because",
                          "flags"}]}]}
Ranked bids first in rank order, then the excluded ones in file order. Excluded bids have
scores {}, total null, rank null. "admissible" means "passed every requirement": a bid eliminated
by a gate is admissible but excluded (excluded_because ["gate:<criterion id>"]).

Standard library only. Run: python3 tests/expected/compute_expected.py
"""
import csv
import json
import math
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SAMPLES = os.path.join(ROOT, "samples")


# ---------------------------------------------------------------- reading values

def v_number(text):
    return float(text.strip())


def v_percent(text):
    t = text.strip()
    if t.endswith("%"):
        t = t[:-1].strip()
    return float(t) / 100.0


YES = {"yes", "true", "да", "1"}
NO = {"no", "false", "нет", "0"}


def v_yesno(text):
    t = text.strip().lower()
    if t in YES:
        return True
    if t in NO:
        return False
    raise ValueError("not a yes/no value: %r" % text)


def v_enum(*members):
    def parse(text):
        t = text.strip()
        if t in members:
            return t
        for m in members:  # then ignoring ASCII case, as FieldDecl::member_index
            if m.lower() == t.lower():
                return m
        raise ValueError("%r is not one of %s" % (text, members))
    return parse


def read_bids(sample, fields, has_lots):
    """fields: ordered {id: parser}. Checks the header against the hand-written field list."""
    path = os.path.join(SAMPLES, sample, "bids.csv")
    with open(path, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    expected = ["bidder"] + (["lot"] if has_lots else []) + ["submitted"] + list(fields)
    if header != expected:
        sys.exit("%s: header %s, expected %s" % (path, header, expected))
    bids = []
    for row in rows[1:]:
        if not row:
            continue
        rec = dict(zip(header, row))
        bid = {"bidder": rec["bidder"], "lot": rec.get("lot", ""), "submitted": rec["submitted"]}
        for fid, parse in fields.items():
            bid[fid] = parse(rec[fid])
        bids.append(bid)
    return bids


# ---------------------------------------------------------------- language functions

def linear(x, *points):
    """linear(x, a1 -> s1, a2 -> s2, ...): piecewise linear, constant beyond the ends."""
    if x <= points[0][0]:
        return points[0][1]
    if x >= points[-1][0]:
        return points[-1][1]
    for (a1, s1), (a2, s2) in zip(points, points[1:]):
        if a1 <= x <= a2:
            return s1 + (x - a1) * (s2 - s1) / (a2 - a1)
    raise AssertionError("unreachable")


def steps_ge(x, arms, otherwise):
    """steps(x, >= a1 -> s1, >= a2 -> s2, ..., else -> s0): the first arm that holds."""
    for a, s in arms:
        if x >= a:
            return s
    return otherwise


def npv(amount, years, rate, escalation=0.0):
    return sum(amount * (1 + escalation) ** (t - 1) / (1 + rate) ** t for t in range(1, years + 1))


class Pool:
    """The bids an aggregate ranges over (same lot, still in the competition)."""

    def __init__(self, bids):
        self.bids = list(bids)

    def values(self, f):
        return [f(b) for b in self.bids]

    def lowest(self, f):
        return min(self.values(f))

    def highest(self, f):
        return max(self.values(f))

    def mean(self, f):
        v = self.values(f)
        return sum(v) / len(v)

    def median(self, f):
        return statistics.median(self.values(f))

    def ratio_lowest(self, f, b):
        return 100 * self.lowest(f) / f(b)

    # ---- "others" aggregates for abnormally-low rules: undefined (None) if no other bid
    def others(self, b):
        return Pool([o for o in self.bids if o is not b])

    def mean_others(self, f, b):
        o = self.others(b)
        return o.mean(f) if o.bids else None

    def median_others(self, f, b):
        o = self.others(b)
        return o.median(f) if o.bids else None

    def next_higher(self, f, b):
        """The smallest value among the other bids at or above this bid's value."""
        mine = f(b)
        cand = [v for v in self.others(b).values(f) if v >= mine]
        return min(cand) if cand else None


def le_scaled(x, factor, agg):
    """x <= factor * agg, false when agg is undefined."""
    return agg is not None and x <= factor * agg


# ---------------------------------------------------------------- the evaluation order

def evaluate_lot(bids, spec):
    requirements = spec["requirements"]
    criteria = spec["criteria"]
    result = {}
    # 1. requirements
    admissible = []
    for b in bids:
        failed = [rid for rid, test in requirements if not test(b)]
        result[id(b)] = {"bid": b, "admissible": not failed, "excluded_because": failed}
        if not failed:
            admissible.append(b)
    # 2. gates, scored over the admissible bids
    pool = Pool(admissible)
    survivors = []
    for b in admissible:
        gates = ["gate:" + c["id"] for c in criteria
                 if c.get("minimum") is not None
                 and clamp(c["score"](b, pool)) < c["minimum"]]
        result[id(b)]["excluded_because"] = gates
        if not gates:
            survivors.append(b)
    # 3. scores over the survivors, 4. totals
    pool = Pool(survivors)
    for b in survivors:
        scores = {c["id"]: clamp(c["score"](b, pool)) for c in criteria}
        total = 0.0
        for c in criteria:
            total += (scores[c["id"]] - 0.0) / (100.0 - 0.0) * c["weight"]
        result[id(b)].update(scores=scores, total=total)
    # 5. ranking
    def key(b):
        k = [-result[id(b)]["total"]]
        for tb in spec.get("tie_break", [("earlier_submission", None)]):
            kind, f = tb
            if kind == "higher":
                k.append(-f(b))
            elif kind == "lower":
                k.append(f(b))
            elif kind == "earlier_submission":
                k.append(b["submitted"])
        return tuple(k)
    ranked = sorted(survivors, key=key)  # stable: equal keys keep file order
    for b in ranked:
        result[id(b)]["rank"] = 1 + sum(1 for o in ranked if key(o) < key(b))
    # 6. flags over the ranked bids
    pool = Pool(ranked)
    for b in ranked:
        result[id(b)]["flags"] = [fid for fid, when in spec.get("abnormally_low", [])
                                  if when(b, pool)]
    out = []
    for b in ranked:
        r = result[id(b)]
        out.append({"bidder": b["bidder"], "rank": r["rank"], "total": r["total"],
                    "admissible": True, "scores": r["scores"], "excluded_because": [],
                    "flags": r["flags"]})
    for b in bids:
        r = result[id(b)]
        if b in ranked:
            continue
        out.append({"bidder": b["bidder"], "rank": None, "total": None,
                    "admissible": r["admissible"], "scores": {},
                    "excluded_because": r["excluded_because"], "flags": []})
    return out


def clamp(score, lo=0.0, hi=100.0):
    return float(min(max(score, lo), hi))


def evaluate(spec):
    bids = read_bids(spec["sample"], spec["fields"], bool(spec.get("lots")))
    lots = spec.get("lots") or [""]
    unknown = {b["lot"] for b in bids} - set(lots)
    if unknown:
        sys.exit("%s: unknown lots %s" % (spec["sample"], unknown))
    return {"lots": [{"lot": lot, "ranking": evaluate_lot([b for b in bids if b["lot"] == lot], spec)}
                     for lot in lots]}


# ---------------------------------------------------------------- the samples, by hand

PRICE = lambda b: b["price"]

# samples/bus-tyres/rules.crit
BUS_TYRES = {
    "sample": "bus-tyres",
    "fields": {"price": v_number, "retreaded": v_percent, "noise": v_enum("A", "B", "C"),
               "take_back": v_yesno},
    "requirements": [
        ("min_retreaded", lambda b: b["retreaded"] >= 0.30),
        ("take_back_offered", lambda b: b["take_back"]),
    ],
    "criteria": [
        {"id": "price", "weight": 50,
         "score": lambda b, p: 100 * p.lowest(PRICE) / b["price"]},
        {"id": "retreading", "weight": 30,
         "score": lambda b, p: linear(b["retreaded"], (0.30, 0), (0.80, 100))},
        {"id": "noise", "weight": 20,
         "score": lambda b, p: {"A": 100, "B": 60, "C": 0}[b["noise"]]},
    ],
}

# samples/office-furniture/rules.crit (weights in points, 100 in all)
OFFICE_FURNITURE = {
    "sample": "office-furniture",
    "fields": {"price": v_number, "refurbished": v_percent, "spare_parts": v_number,
               "warranty": v_number, "take_back": v_yesno, "recycled_new": v_percent,
               "ecolabel": v_enum("all_items", "main_items", "no_label")},
    "requirements": [
        ("min_warranty", lambda b: b["warranty"] >= 3),
        ("min_spare_parts", lambda b: b["spare_parts"] >= 5),
    ],
    "criteria": [
        {"id": "price", "weight": 45, "score": lambda b, p: p.ratio_lowest(PRICE, b)},
        {"id": "refurbishment", "weight": 15,
         "score": lambda b, p: linear(b["refurbished"], (0.0, 0), (0.60, 100))},
        {"id": "warranty", "weight": 15,
         "score": lambda b, p: steps_ge(b["warranty"], [(7, 100), (6, 75), (5, 50), (4, 25)], 0)},
        {"id": "spare_parts", "weight": 10,
         "score": lambda b, p: steps_ge(b["spare_parts"], [(10, 100), (7, 50)], 0)},
        {"id": "recycled_content", "weight": 5,
         "score": lambda b, p: linear(b["recycled_new"], (0.20, 0), (0.80, 100))},
        {"id": "take_back", "weight": 5,
         "score": lambda b, p: 100 if b["take_back"] else 0},
        {"id": "ecolabel", "weight": 5,
         "score": lambda b, p: {"all_items": 100, "main_items": 50, "no_label": 0}[b["ecolabel"]]},
    ],
    "tie_break": [("higher", lambda b: b["warranty"]), ("earlier_submission", None)],
    "abnormally_low": [
        ("dumping", lambda b, p: le_scaled(b["price"], 0.6, p.mean_others(PRICE, b))
         or le_scaled(b["price"], 0.7, p.next_higher(PRICE, b))),
    ],
}

# samples/street-lighting/rules.crit
ENERGY_PRICE = 0.12   # EUR/kWh
GRID_FACTOR = 0.25    # kgCO2e/kWh
CO2_PRICE = 0.1       # EUR/kgCO2e
EOL_DISCOUNT = 0.5553


def street_lcc(b):
    yearly = (b["annual_energy"] * ENERGY_PRICE + b["maintenance"]
              + b["annual_energy"] * GRID_FACTOR * CO2_PRICE)
    return b["price"] + npv(yearly, 15, 0.04, 0.02) + b["end_of_life"] * EOL_DISCOUNT


STREET_LIGHTING = {
    "sample": "street-lighting",
    "fields": {"price": v_number, "power": v_number, "annual_energy": v_number,
               "maintenance": v_number, "end_of_life": v_number, "efficacy": v_number,
               "warranty": v_number, "smart_control": v_yesno},
    "requirements": [
        ("max_power", lambda b: b["power"] <= 50),
        ("min_warranty", lambda b: b["warranty"] >= 5),
    ],
    "criteria": [
        {"id": "cost", "weight": 60, "score": lambda b, p: p.ratio_lowest(street_lcc, b)},
        {"id": "efficacy", "weight": 15, "minimum": 20,
         "score": lambda b, p: linear(b["efficacy"], (120, 0), (170, 100))},
        {"id": "warranty", "weight": 15,
         "score": lambda b, p: 100 * (b["warranty"] - 5) / 5},
        {"id": "smart_control", "weight": 10,
         "score": lambda b, p: 100 if b["smart_control"] else 0},
    ],
    "abnormally_low": [
        ("low_purchase_price", lambda b, p: le_scaled(b["price"], 0.75, p.median_others(PRICE, b))),
    ],
}

# samples/lots-demo/rules.crit
LOTS_DEMO = {
    "sample": "lots-demo",
    "lots": ["north", "south"],
    "fields": {"price": v_number, "retreaded": v_percent},
    "requirements": [("min_retreaded", lambda b: b["retreaded"] >= 0.30)],
    "criteria": [
        {"id": "price", "weight": 60, "score": lambda b, p: p.ratio_lowest(PRICE, b)},
        {"id": "retreading", "weight": 40,
         "score": lambda b, p: linear(b["retreaded"], (0.30, 0), (0.80, 100))},
    ],
    "abnormally_low": [
        ("dumping", lambda b, p: le_scaled(b["price"], 0.75, p.mean_others(PRICE, b))),
    ],
}

SPECS = [BUS_TYRES, OFFICE_FURNITURE, STREET_LIGHTING, LOTS_DEMO]

# The worked example's published figures (docs/LANGUAGE.md, the brief): bidder -> (rank, total).
BUS_TYRES_PUBLISHED = {"NevaRetread": (1, "94.0000"), "Shinservice": (2, "63.8333"),
                       "Kolesa Severo-Zapad": (3, "61.6102")}


def main():
    ok = True
    for spec in SPECS:
        res = evaluate(spec)
        path = os.path.join(HERE, spec["sample"] + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(res, f, ensure_ascii=False, indent=2)
            f.write("\n")
        print("== %s -> %s" % (spec["sample"], os.path.relpath(path, ROOT)))
        for lot in res["lots"]:
            if lot["lot"]:
                print("  lot %s" % lot["lot"])
            for r in lot["ranking"]:
                if r["rank"] is not None:
                    scores = " ".join("%s=%.4f" % kv for kv in r["scores"].items())
                    print("  %-2s %-24s %9.4f  %s %s" % (r["rank"], r["bidder"], r["total"], scores,
                                                        ("FLAG " + ",".join(r["flags"])) if r["flags"] else ""))
                else:
                    print("  -  %-24s excluded: %s" % (r["bidder"], ", ".join(r["excluded_because"])))
        if spec is BUS_TYRES:
            got = {r["bidder"]: (r["rank"], "%.4f" % r["total"])
                   for r in res["lots"][0]["ranking"] if r["rank"] is not None}
            if got != BUS_TYRES_PUBLISHED:
                print("  MISMATCH with the published figures: %s" % got)
                ok = False
            else:
                print("  matches the published figures (94.0000 / 63.8333 / 61.6102)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
