"""Analysis layer — in: stored facts; out: plans diffed against the national table, findings,
the per-province HTML report and the readable summary of one extraction."""
