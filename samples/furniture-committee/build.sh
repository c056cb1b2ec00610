#!/usr/bin/env bash
# Builds the committee sample project with the tenderloop CLI, step by step as a procurement
# officer and an evaluation committee would: the project and its rules, the bids, three
# evaluators (one declares a conflict with one bidder), each member's scores with justifications,
# a dispersion case the committee discusses, the submissions, the chair's consensus; then the
# committee status, the evaluation, the workbook, and the audit log's verification.
#
# Usage: samples/furniture-committee/build.sh [OUT_DIR]
#   OUT_DIR     where the project and the workbook go (default: build/furniture-committee)
#   TENDERLOOP  the binary (default: build/release/src/cli/tenderloop)
# SOURCE_DATE_EPOCH (default: 2026-04-14 09:00 UTC) fixes the time printed on the workbook; the
# audit log always records the system clock's time (a recorded decision is never back- or forward-dated).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tl=${TENDERLOOP:-$root/build/release/src/cli/tenderloop}
out=${1:-$root/build/furniture-committee}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1776157200}
mkdir -p "$out"
# RULES and NAME let a test build the same committee work under other rules (tests/workbook/tenders/committee-mean).
rules=${RULES:-$here/rules.crit}
p=$out/${NAME:-furniture-committee}.tender
rm -f "$p"

officer="Erik Holm"
chair="Anna Berg"
"$tl" new "$p" --rules "$rules" --user "$officer" --reason "rules as published on 2026-03-02"
"$tl" bids "$p" import "$here/bids.csv" --user "$officer" --reason "bids opened on 2026-04-10"

committee() { "$tl" committee "$p" "$@"; }
committee evaluator add "$chair" --role chair --user "$officer" --reason "appointed by order 14/2026"
committee evaluator add "Jonas Lind" --role member --user "$officer" --reason "appointed by order 14/2026"
committee evaluator add "Maria Sole" --role member --user "$officer" --reason "appointed by order 14/2026"

# Declarations before anyone scores; Jonas Lind worked for one bidder until 2024.
committee declare "$chair" --none --text "No interest in any bidder" --user "$chair"
committee declare "Maria Sole" --none --text "No interest in any bidder" --user "Maria Sole"
committee declare "Jonas Lind" --conflict "Kontor Circular" \
  --text "Employed by Kontor Circular until June 2024" --user "Jonas Lind"

# score EVALUATOR BIDDER CRITERION VALUE JUSTIFICATION: each member alone, as drafts.
score() { committee score "$1" --bid "$2" --criterion "$3" --value "$4" --justification "$5" --user "$1"; }
tb=take_back_plan
rs=repair_service
score "$chair" "ReWork Interiors" $tb 4 "Collection at the building, re-use first; yearly report promised"
score "$chair" "ReWork Interiors" $rs 5 "Own workshop 20 km away, 48 h on-site repair, trained staff named"
score "$chair" "Nordic Office Supply" $tb 4 "Take-back through a certified partner with a re-use quota"
score "$chair" "Nordic Office Supply" $rs 2 "Repairs only through the manufacturer, no response times"
score "$chair" "Kontor Circular" $tb 5 "Specific logistics, re-use of 80 % committed, verifiable reporting"
score "$chair" "Kontor Circular" $rs 4 "On-site repair within a week, refurbishment of returned items"
score "$chair" "Möbel Kreislauf GmbH" $tb 3 "Adequate: take-back at end of use, recycling and re-use not separated"
score "$chair" "Möbel Kreislauf GmbH" $rs 3 "Adequate: repair service, response times not stated"
score "$chair" "Officina Verde" $tb 2 "Partial: take-back of chairs only"
score "$chair" "Officina Verde" $rs 3 "Adequate: repair service by a subcontractor"

score "Jonas Lind" "ReWork Interiors" $tb 4 "Credible plan with re-use first"
score "Jonas Lind" "ReWork Interiors" $rs 4 "Good service plan, short response times"
score "Jonas Lind" "Nordic Office Supply" $tb 1 "Vague: the partner and the re-use quota are not evidenced"
score "Jonas Lind" "Nordic Office Supply" $rs 2 "Manufacturer repairs only"
score "Jonas Lind" "Möbel Kreislauf GmbH" $tb 3 "Adequate plan"
score "Jonas Lind" "Möbel Kreislauf GmbH" $rs 4 "Good: spare-parts stock on site"
score "Jonas Lind" "Officina Verde" $tb 3 "Adequate for chairs, desks not covered"
score "Jonas Lind" "Officina Verde" $rs 3 "Adequate"

score "Maria Sole" "ReWork Interiors" $tb 5 "Excellent: specific, verifiable, re-use first"
score "Maria Sole" "ReWork Interiors" $rs 4 "Good service plan"
score "Maria Sole" "Nordic Office Supply" $tb 3 "Adequate: partner certified, quota modest"
score "Maria Sole" "Nordic Office Supply" $rs 3 "Adequate: manufacturer network is dense"
score "Maria Sole" "Kontor Circular" $tb 4 "Good plan, reporting yearly"
score "Maria Sole" "Kontor Circular" $rs 4 "Good repair service"
score "Maria Sole" "Möbel Kreislauf GmbH" $tb 3 "Adequate"
score "Maria Sole" "Möbel Kreislauf GmbH" $rs 3 "Adequate"
score "Maria Sole" "Officina Verde" $tb 2 "Partial: chairs only"
score "Maria Sole" "Officina Verde" $rs 2 "Partial: subcontractor not named"

for member in "$chair" "Jonas Lind" "Maria Sole"; do committee submit "$member" --user "$member"; done

# Nordic Office Supply's take-back plan: 4, 1 and 3 are more than 2 apart (dispersion); the
# committee discussed the partner's certificate before the chair recorded the consensus.
committee status

consensus() { committee consensus --bid "$1" --criterion "$2" --value "$3" --justification "$4" --user "$chair"; }
consensus "ReWork Interiors" $tb 4 "Specific and verifiable; re-use first"
consensus "ReWork Interiors" $rs 4 "Own workshop and short response times"
consensus "Nordic Office Supply" $tb 3 "Discussed (dispersion 4/1/3): the partner's certificate is valid, the quota modest"
consensus "Nordic Office Supply" $rs 2 "Manufacturer repairs only, no response times"
consensus "Kontor Circular" $tb 4 "Specific plan; Jonas Lind did not take part (declared conflict)"
consensus "Kontor Circular" $rs 4 "On-site repair and refurbishment of returned items"
consensus "Möbel Kreislauf GmbH" $tb 3 "Adequate"
consensus "Möbel Kreislauf GmbH" $rs 3 "Adequate; response times not stated"
consensus "Officina Verde" $tb 2 "Chairs only"
consensus "Officina Verde" $rs 3 "Adequate service by a subcontractor"

"$tl" evaluate "$p" --user "$officer" --reason "evaluation for the committee meeting of 2026-04-14"
"$tl" export "$p" -o "$out/${NAME:-furniture-committee}-evaluation.xlsx" --user "$officer" --reason "for signature"
"$tl" audit "$p" verify
