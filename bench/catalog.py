"""The HyperSpy side of bench/catalog.sh: what people do today to extract metadata from a folder
(../shared/seeds/, HyperSpy as a metadata extractor): hs.load every file and take each signal's
original_metadata.as_dictionary(). Files HyperSpy cannot read are counted, as the catalogue counts its
errors. Prints: files, signals, failures, the loop's seconds (import excluded)."""
import os
import sys
import time
import warnings

t_import = time.perf_counter()
import hyperspy.api as hs  # noqa: E402

warnings.simplefilter("ignore")
import logging  # noqa: E402

logging.disable(logging.CRITICAL)
root = sys.argv[1]
files = sorted(os.path.join(d, f) for d, _, fs in os.walk(root, followlinks=True) for f in fs)
t0 = time.perf_counter()
signals = failed = 0
for f in files:
    try:
        s = hs.load(f)
        for x in s if isinstance(s, list) else [s]:
            x.original_metadata.as_dictionary()
            signals += 1
    except Exception:
        failed += 1
print(len(files), signals, failed, "%.3f" % (time.perf_counter() - t0), "%.3f" % (t0 - t_import))
