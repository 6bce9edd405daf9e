#!/usr/bin/env python3
"""Build a stancegraph position graph of a document archive on Apache Spark.

The job is the map-reduce form of `stancegraph build`:

  map      documents (JSON Lines)  --RDD.pipe-->  stancegraph extract --jsonl --documents -
  reduce   one partition's positions  --RDD.pipe-->  stancegraph build --from-positions -
  combine  the partial graphs  --treeReduce-->  stancegraph merge  (associative, commutative)

Extraction is per document and stateless, and `merge` gives the same graph
for any grouping and order, so the result equals one `stancegraph build` of
the same documents (tests/spark.rs checks this in local mode).

usage:
  stancegraph_job.py INPUT OUTPUT [--master URL] [--partitions N]
                     [--binary PATH] [--partials-only]

INPUT   a JSON Lines file (or folder/glob of them) with one
        {"id", "text", "date", "source", "title"} object per line,
        or a folder of .txt files (read whole; the id is the file's path)
OUTPUT  the graph file to write (atomically); with --partials-only, a
        folder that receives one partial graph file per partition
        (part-00000, ...), to combine later with `stancegraph merge`

On a cluster, ship the binary with the job and name it relative to the
executors' working directory:

  spark-submit --master yarn --files target/release/stancegraph \\
      scripts/spark/stancegraph_job.py hdfs:///news/2026/*.jsonl graph.json \\
      --binary ./stancegraph --partitions 400
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("input")
    p.add_argument("output")
    p.add_argument("--master", default=None,
                   help="Spark master URL (default: what spark-submit or SPARK_MASTER says, else local[*])")
    p.add_argument("--partitions", type=int, default=None,
                   help="number of partitions, hence of partial graphs (default: Spark's)")
    p.add_argument("--binary", default=None,
                   help="the stancegraph binary as the executors see it "
                        "(default: target/release/stancegraph beside this script, else stancegraph on PATH)")
    p.add_argument("--partials-only", action="store_true",
                   help="write the partial graphs, one per partition, instead of merging them")
    return p.parse_args(argv)


def default_binary():
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.normpath(os.path.join(here, "..", "..", "target", "release", "stancegraph"))
    if os.access(built, os.X_OK):
        return built
    found = shutil.which("stancegraph")
    if found:
        return found
    sys.exit("stancegraph_job: no stancegraph binary: build it (cargo build --release) or pass --binary")


def merge_graphs(binary):
    """A reduce function: two graph files' texts in, their merged graph out."""
    def merge(a, b):
        with tempfile.TemporaryDirectory(prefix="stancegraph-merge-") as d:
            pa, pb, out = (os.path.join(d, n) for n in ("a.json", "b.json", "out.json"))
            for path, text in ((pa, a), (pb, b)):
                with open(path, "w", encoding="utf-8") as f:
                    f.write(text)
            r = subprocess.run([binary, "merge", pa, pb, "-o", out], capture_output=True, text=True)
            if r.returncode != 0:
                raise RuntimeError(f"stancegraph merge failed: {r.stderr.strip()}")
            with open(out, encoding="utf-8") as f:
                return f.read()
    return merge


def write_atomically(path, text):
    d = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".stancegraph-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def documents(sc, path, partitions):
    """The documents as JSON Lines records, one RDD element each."""
    local = path[len("file://"):] if path.startswith("file://") else path
    if os.path.isdir(local) and not any(n.endswith(".jsonl") for n in os.listdir(local)):
        texts = sc.wholeTextFiles(path, minPartitions=partitions or 2)
        docs = texts.map(lambda kv: json.dumps(
            {"id": kv[0][len("file:"):] if kv[0].startswith("file:") else kv[0], "text": kv[1]},
            ensure_ascii=False))
    else:
        docs = sc.textFile(path, minPartitions=partitions or 2).filter(lambda line: line.strip())
    if partitions and docs.getNumPartitions() != partitions:
        docs = docs.repartition(partitions)
    return docs


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    binary = args.binary or default_binary()
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("stancegraph")
    master = args.master or os.environ.get("SPARK_MASTER")
    if master:
        builder = builder.master(master)
    elif "spark.master" not in os.environ.get("PYSPARK_SUBMIT_ARGS", ""):
        builder = builder.config("spark.master", os.environ.get("SPARK_MASTER", "local[*]"))
    spark = builder.getOrCreate()
    sc = spark.sparkContext
    try:
        docs = documents(sc, args.input, args.partitions)
        # map: one extract process per partition, documents on stdin, positions
        # (each document's record first) on stdout
        positions = docs.pipe(f"{binary} extract --quiet --threads 1 --jsonl --documents -",
                              checkCode=True)
        # reduce: one partial graph per partition (a graph file's lines)
        partial_lines = positions.pipe(f"{binary} build --quiet --threads 1 --from-positions -",
                                       checkCode=True)
        if args.partials_only:
            partial_lines.saveAsTextFile(args.output)
            print(f"stancegraph_job: {partial_lines.getNumPartitions()} partial graphs in {args.output}",
                  file=sys.stderr)
            return 0
        partials = partial_lines.glom().map("\n".join)
        # combine on the executors, pairwise; merge is associative and commutative
        graph = partials.treeReduce(merge_graphs(binary), depth=2)
        write_atomically(args.output, graph if graph.endswith("\n") else graph + "\n")
        print(f"stancegraph_job: {partials.getNumPartitions()} partial graphs merged into {args.output}",
              file=sys.stderr)
        return 0
    finally:
        spark.stop()


if __name__ == "__main__":
    sys.exit(main())
