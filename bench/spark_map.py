#!/usr/bin/env python3
"""The per-document extraction as a Spark map step: `newsgraph extract --jsonl` under rdd.pipe.

Usage: spark_map.py ARTICLES.jsonl NEWSGRAPH_BINARY OUT_DIR [PARTITIONS]
Runs Spark in local mode (local[*]); prints one JSON line with the measured throughput.
"""
import json
import os
import shutil
import sys
import time

from pyspark.sql import SparkSession

src, binary, out = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
parts = int(sys.argv[4]) if len(sys.argv) > 4 else 4
spark = (SparkSession.builder.master("local[*]").appName("newsgraph-extract")
         .config("spark.ui.enabled", "false").getOrCreate())
sc = spark.sparkContext
sc.setLogLevel("ERROR")
nbytes = os.path.getsize(src)
shutil.rmtree(out, ignore_errors=True)
t = time.perf_counter()
articles = sc.textFile(src, minPartitions=parts)
results = articles.pipe(f"{binary} extract --jsonl")
results.saveAsTextFile(out)
secs = time.perf_counter() - t
n = sc.textFile(out).count()
print(json.dumps({"tool": "spark-local rdd.pipe", "cores": sc.defaultParallelism, "partitions": parts,
                  "input_mb": nbytes / 1e6, "results": n, "seconds": secs, "mb_per_s": nbytes / 1e6 / secs}))
spark.stop()
