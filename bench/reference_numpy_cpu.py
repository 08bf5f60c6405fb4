"""CPU time per call of the kernels of ../shared/bench/reference_numpy.py, which it does not report.

Usage: python3 reference_numpy_cpu.py SCRIPT m d n runs kernel...   (e.g. ... 32 8 65536 20 ntk_gram gd_step)
Runs SCRIPT's own definitions (its data and kernel functions: everything before its timing loop, unchanged) and
times each named kernel as SCRIPT does (one warm-up call, then `runs` calls), printing SCRIPT's JSON line plus
"cpu_ms": the process CPU time (time.process_time, all threads) per call. Run it with the same environment
(OPENBLAS_NUM_THREADS=1 ...). Wall times on a loaded machine count the other processes' time slices too; CPU
times do not, so their ratio is the one that survives a busy machine. bench/compare.ts runs it after each round.
"""
import json, sys, time
import numpy as np

script, m, d, n, runs, *kernels = sys.argv[1:]
source = open(script).read()
marker = "\nfor name, fn in"
if marker not in source:
    sys.exit(f"{script}: no timing loop ('for name, fn in') to cut at")
sys.argv = [script, m, d, n, runs]
scope = {"__name__": "reference_numpy"}
exec(compile(source.split(marker)[0], script, "exec"), scope)
for name in kernels:
    fn = scope[name]
    fn()
    times = []
    c0 = time.process_time()
    for _ in range(int(runs)):
        t = time.perf_counter(); fn(); times.append((time.perf_counter() - t) * 1e3)
    cpu = (time.process_time() - c0) * 1e3 / int(runs)
    print(json.dumps({"kernel": name, "m": int(m), "d": int(d), "n": int(n), "median_ms": round(float(np.median(times)), 3),
                      "cpu_ms": round(cpu, 3), "runs": int(runs)}), flush=True)
