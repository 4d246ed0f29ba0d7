#!/usr/bin/env python3
"""Leave-one-SET-out study of a final veto on extractive answers (issue 13, session 19, helper `decline`).

python3 bench/answers/decline-loso.py <replay.json> [--features a,b,c] [--yesno] [--cost C] [--l2 L] [--apply <replay.json>]

<replay.json> is replay-many.ts's output under FRONTDESK_DEBUG_DECLINE=1: every answered question carries the signals
of the sentence it chose (packages/rag/src/answering/answer-signals.ts). Rows are the answered questions of the
English sets; label 1 when the question is unanswerable (the answer should have been a decline), 0 when the answer is
right; wrong answers to answerable questions cost nothing when vetoed and are left out of fitting.

For each set: a logistic regression (L2, standardised features) and its threshold are fitted on the OTHER sets only
(threshold: the one with the largest net gain there, declines gained minus right answers lost, the highest on ties),
then applied to the held-out set. Prints per set and in total today's answered/declined and the candidate's, and the
model fitted on every set (what code would ship: NEIGHBOURING_FACT in answer-signals.ts is
`--features lexical,topicShare,missedElsewhereShare --cost 2 --yesno`).
--yesno: only yes/no answers; --cost C: the threshold keeps most declines gained minus C x right answers lost;
--apply: the all-sets model's vetoes on another replay (new question files nobody fitted on).
minToward / nMissed need missed-word-meaning.ts's output.
"""
import json
import sys
from collections import defaultdict

import numpy as np

OTHER_LANGUAGE_SETS = {"camping-les-pins-dores-fr", "haarwerk-freiburg-de", "lingua-viva-valencia-es"}
DEFAULT_FEATURES = ["meaning", "lexical", "z", "gap", "unknownShare", "carrying", "subjectShare", "topicShare", "faq", "yesNo", "fitsType"]


def set_of(row):
    return row["file"].split(".questions")[0]


def vector(signals, features):
    signals = {**signals, "nMissed": len(signals.get("missed", [])), "minToward": signals.get("minToward", 0.1), "sumToward": signals.get("sumToward", 0.1)}
    out = []
    for name in features:
        if "*" in name:
            a, b = name.split("*")
            out.append(float(signals[a]) * float(signals[b]))
        else:
            out.append(float(signals[name]))
    return out


def fit(x, y, l2=1.0, iterations=200):
    mean, sd = x.mean(0), x.std(0)
    sd[sd == 0] = 1
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / sd])
    w = np.zeros(z.shape[1])
    penalty = np.eye(z.shape[1]) * l2
    penalty[0, 0] = 0
    for _ in range(iterations):  # Newton steps
        p = 1 / (1 + np.exp(-z @ w))
        gradient = z.T @ (p - y) + penalty @ w
        hessian = z.T @ (z * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, sd, w


def predict(model, x):
    mean, sd, w = model
    z = np.hstack([np.ones((len(x), 1)), (x - mean) / sd])
    return 1 / (1 + np.exp(-z @ w))


def best_threshold(p, y, cost=1.0):
    """The threshold with the largest gain there: declines gained minus `cost` x right answers lost (the highest on ties)."""
    best = (0, 1.01)
    for t in sorted(set(np.round(p, 4)), reverse=True):
        vetoed = p >= t
        net = int(((y == 1) & vetoed).sum()) - cost * int(((y == 0) & vetoed).sum())
        if net > best[0]:
            best = (net, t)
    return best[1]


def main():
    args = sys.argv[1:]
    replay = json.load(open(args[0]))
    features = DEFAULT_FEATURES
    if "--features" in args:
        features = args[args.index("--features") + 1].split(",")
    l2 = float(args[args.index("--l2") + 1]) if "--l2" in args else 1.0
    only_yes_no = "--yesno" in args
    only_wh = "--wh" in args
    cost = float(args[args.index("--cost") + 1]) if "--cost" in args else 1.0
    rows = []
    for item in replay:
        s = set_of(item)
        if s in OTHER_LANGUAGE_SETS:
            continue
        answerable = item["expect"] is not None
        answered = "signals" in item
        rows.append({"set": s, "q": item["q"], "answerable": answerable, "ok": item["ok"], "signals": item.get("signals"), "answered": answered})
    sets = sorted({row["set"] for row in rows})

    def label(row):
        if not row["answered"]:
            return None
        if (only_yes_no and not row["signals"]["yesNo"]) or (only_wh and row["signals"]["yesNo"]):
            return None
        if not row["answerable"]:
            return 1
        return 0 if row["ok"] else None

    totals = defaultdict(int)
    print(f"features: {','.join(features)}  l2={l2}  cost={cost}  {'yes/no only' if only_yes_no else ''}")
    print(f"{'set':32} {'answered today':>15} {'LOSO':>6} {'declined today':>15} {'LOSO':>6}  vetoed")
    for held in sets:
        train = [row for row in rows if row["set"] != held and label(row) is not None]
        x = np.array([vector(row["signals"], features) for row in train])
        y = np.array([label(row) for row in train], dtype=float)
        model = fit(x, y, l2)
        threshold = best_threshold(predict(model, x), y, cost)
        test = [row for row in rows if row["set"] == held]
        answerable = sum(row["answerable"] for row in test)
        unanswerable = len(test) - answerable
        correct = sum(row["answerable"] and row["ok"] for row in test)
        declined = sum((not row["answerable"]) and row["ok"] for row in test)
        vetoed = [row for row in test if label(row) is not None and predict(model, np.array([vector(row["signals"], features)]))[0] >= threshold]
        lost = [row for row in vetoed if row["answerable"]]
        gained = [row for row in vetoed if not row["answerable"]]
        print(f"{held:32} {correct:>7}/{answerable:<7} {correct - len(lost):>6} {declined:>7}/{unanswerable:<7} {declined + len(gained):>6}  t={threshold:.3f} " + "; ".join(("-" if row["answerable"] else "+") + row["q"][:40] for row in vetoed))
        for key, value in (("answerable", answerable), ("correct", correct), ("unanswerable", unanswerable), ("declined", declined), ("lost", len(lost)), ("gained", len(gained))):
            totals[key] += value
    print(f"{'TOTAL':32} {totals['correct']:>7}/{totals['answerable']:<7} {totals['correct'] - totals['lost']:>6} {totals['declined']:>7}/{totals['unanswerable']:<7} {totals['declined'] + totals['gained']:>6}")
    train = [row for row in rows if label(row) is not None]
    x = np.array([vector(row["signals"], features) for row in train])
    y = np.array([label(row) for row in train], dtype=float)
    model = fit(x, y, l2)
    p = predict(model, x)
    threshold = best_threshold(p, y, cost)
    if "--apply" in args:
        for item in json.load(open(args[args.index("--apply") + 1])):
            row = {"answerable": item["expect"] is not None, "ok": item["ok"], "signals": item.get("signals"), "answered": "signals" in item}
            if label(row) is None and not (row["answered"] and row["answerable"]):
                continue
            if row["answered"] and predict(model, np.array([vector(row["signals"], features)]))[0] >= threshold:
                print("  applied: vetoed", "+" if not row["answerable"] else ("-" if row["ok"] else "0"), item["file"].split(".")[0], item["q"])
    mean, sd, w = model
    print("all sets: n=%d positives=%d threshold=%.4f in-sample vetoed +%d -%d" % (len(y), int(y.sum()), threshold, int(((p >= threshold) & (y == 1)).sum()), int(((p >= threshold) & (y == 0)).sum())))
    print("intercept %.6f" % (w[0] - (w[1:] * mean / sd).sum()))
    for name, weight, m, s in zip(features, w[1:], mean, sd):
        print(f"  {name:14} raw {weight / s:+.6f}  (standardised {weight:+.3f}, mean {m:.3f}, sd {s:.3f})")


main()
