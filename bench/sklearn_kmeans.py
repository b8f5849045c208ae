#!/usr/bin/env python3
"""The reference the clustering benchmark compares against: scikit-learn's TF-IDF + KMeans
(n_init=5) on the same file, timed the same way (reading the file excluded).

Usage: sklearn_kmeans.py FILE TEXT_COLUMN LABEL_COLUMN K
Prints one JSON line: {"seconds": …, "nmi": …}.
"""
import csv
import json
import sys
import time

from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import normalized_mutual_info_score


def read(path, text_column, label_column):
    with open(path, newline="", encoding="utf-8") as f:
        if path.endswith(".tsv"):
            rows = [line.rstrip("\r\n").split("\t") for line in f if line.strip()]
            header, rows = rows[0], rows[1:]
        else:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
    t, l = header.index(text_column), header.index(label_column)
    return [r[t] for r in rows], [r[l] for r in rows]


def main():
    path, text_column, label_column, k = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    texts, labels = read(path, text_column, label_column)
    start = time.perf_counter()
    vectors = TfidfVectorizer().fit_transform(texts)
    predicted = KMeans(n_clusters=k, n_init=5, random_state=0).fit_predict(vectors)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "nmi": normalized_mutual_info_score(labels, predicted)}))


if __name__ == "__main__":
    main()
