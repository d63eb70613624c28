"""What the store keeps about each action's carrying: how many follow-ups carried it
(plan_actions.times_carried) and the verdict of the action carried from it (later_status,
later_reviewed).

Due now lists and counts the actions carried more than once on every showing, and the
patterns and the service report count what became of every action at review; walking every
chain, or joining every action to its follow-up's copy, each time cost 40-100 ms on a 10k-case
log, so the store keeps the figures. A follow-up carries only its own case's actions, so a
write or delete of a session changes only that case's chains: they are worked out again, in
SQL, with its roll-ups. An action carried from the same one twice (a follow-up dated before
an earlier follow-up, then another started) takes the verdict of the copy in the latest
session, the latest review, and is counted once.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

# The chain of each of the case's actions, walked up its carried_from links (a link whose
# target has gone was set to NULL by the foreign key, which ends the chain there). A depth
# cap keeps a damaged file's cycle from looping for ever.
_REFRESH = text("""
WITH RECURSIVE mine(id, up) AS (
    SELECT a.id, a.carried_from_id FROM plan_actions AS a
    JOIN consultations AS s ON s.id = a.consultation_id WHERE s.case_id = :case_id
),
chain(start, up, depth) AS (
    SELECT id, up, 1 FROM mine WHERE up IS NOT NULL
    UNION ALL
    SELECT chain.start, parent.carried_from_id, chain.depth + 1
    FROM chain JOIN plan_actions AS parent ON parent.id = chain.up
    WHERE parent.carried_from_id IS NOT NULL AND chain.depth < 100
),
times(id, n) AS (
    SELECT mine.id, coalesce((SELECT max(depth) FROM chain WHERE chain.start = mine.id), 0) FROM mine
)
UPDATE plan_actions SET times_carried = (SELECT n FROM times WHERE times.id = plan_actions.id)
WHERE id IN (SELECT id FROM mine)
  AND times_carried != (SELECT n FROM times WHERE times.id = plan_actions.id)
""")


# The copy in the latest session (by date, then id) speaks for the action: the latest review.
_LATER = """(SELECT l.{column} FROM plan_actions AS l JOIN consultations AS ls ON ls.id = l.consultation_id
               WHERE l.carried_from_id = plan_actions.id ORDER BY ls.held_on DESC, ls.id DESC, l.id DESC LIMIT 1)"""
_REFRESH_VERDICTS = text(f"""
UPDATE plan_actions SET later_status = {_LATER.format(column="status")},
                        later_reviewed = {_LATER.format(column="reviewed")}
WHERE consultation_id IN (SELECT id FROM consultations WHERE case_id = :case_id)
  AND (later_status IS NOT {_LATER.format(column="status")}
       OR later_reviewed IS NOT {_LATER.format(column="reviewed")})
""")


def refresh_carried(session: Session, case_id: int) -> None:
    """Bring the case's actions' times carried and later verdicts in line with their chains
    (writing only what changed). Both statements start from the case's own rows (by id, by
    consultation), never a scan of every action in the log, which each autosave would pay
    (tests/store/test_carried_plan.py)."""
    session.flush()  # the chains as the unit of work has them, new actions included
    session.execute(_REFRESH, {"case_id": case_id})
    session.execute(_REFRESH_VERDICTS, {"case_id": case_id})
