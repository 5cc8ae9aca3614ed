#!/usr/bin/env python3
"""Load newsgraph's CSV export into Kuzu and time the benchmark queries.

Usage: kuzu_queries.py CSV_DIR NAME_A NAME_B RUNS   (prints one JSON line per query)"""
import json
import os
import statistics
import sys
import time

import kuzu

folder, a, b, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
db_path = os.path.join(folder, "kuzu.db")
os.chdir(folder)
t = time.perf_counter()
conn = kuzu.Connection(kuzu.Database(db_path))
for line in open("kuzu-load.cypher", encoding="utf-8"):
    line = line.strip()
    if line and not line.startswith("//"):
        conn.execute(line)
print(json.dumps({"tool": "kuzu", "query": "load", "seconds": time.perf_counter() - t}))

QUERIES = {
    "name lookup": "MATCH (p:Person) WHERE p.name = $a RETURN p.name",
    "dossier": "MATCH (p:Person)-[r]-(x) WHERE p.name = $a RETURN label(r), label(x), x.name",
    "2-hop": "MATCH (p:Person)--()--(x) WHERE p.name = $a RETURN count(DISTINCT x)",
    "shortest path": "MATCH path = (a:Person)-[* SHORTEST 1..6]-(b:Person) WHERE a.name = $a AND b.name = $b RETURN length(path)",
    "meetings per country": "MATCH (m:Meeting)-[:HELD_IN]->()-[:LOCATED_IN*0..1]->(c:Country) RETURN c.name, count(DISTINCT m) AS n ORDER BY n DESC",
    "var-length": "MATCH (p:Person)-[:PARTICIPATED_IN|SAID*1..2]-(x) WHERE p.name = $a RETURN count(x)",
}
for name, q in QUERIES.items():
    times, rows, err = [], 0, None
    for _ in range(runs):
        t = time.perf_counter()
        try:
            # Kuzu refuses parameters the query does not use
            params = {k: v for k, v in (("a", a), ("b", b)) if "$" + k in q}
            res = conn.execute(q, params)
            rows = 0
            while res.has_next():
                res.get_next()
                rows += 1
        except Exception as e:  # unsupported query or missing table: report, go on
            err = str(e).splitlines()[0]
            break
        times.append(time.perf_counter() - t)
    if err:
        print(json.dumps({"tool": "kuzu", "query": name, "error": err}))
        continue
    times.sort()
    print(json.dumps({"tool": "kuzu", "query": name, "median_ms": statistics.median(times) * 1e3,
                      "p99_ms": times[min(len(times) - 1, len(times) * 99 // 100)] * 1e3, "rows": rows}))
