#!/usr/bin/python3
"""timer.py RUNS [--warmup W] [--prep 'SHELL'] [--timeout S] -- COMMAND [ARG ...]

Times a whole process from outside, RUNS times after W warm-up runs (default
1), and prints one line:

    runs=N wall_median=… wall_min=… wall_max=… cpu_median=… peak_kib=… exit=…

Wall seconds are a monotonic clock around posix_spawn and wait4; cpu is the
child's user + system seconds; peak_kib is the largest ru_maxrss of the runs
(what `/usr/bin/time -v` prints as "Maximum resident set size": the largest
of the process and the children it waited for). --prep runs a shell command
before each run, untimed (e.g. removing the last run's output folder).
--timeout kills a run that takes longer (it is then counted with wall
= the timeout and exit=timeout). The command's output goes to /dev/null.
"""
import os
import signal
import statistics
import subprocess
import sys
import time


def run_once(argv, timeout):
    devnull = os.open(os.devnull, os.O_RDWR)
    actions = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1),
               (os.POSIX_SPAWN_DUP2, devnull, 2)]
    t0 = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions, setpgroup=0)
    os.close(devnull)
    status = None
    if timeout:
        deadline = t0 + timeout
        while True:
            got, status, usage = os.wait4(pid, os.WNOHANG)
            if got == pid:
                break
            if time.perf_counter() > deadline:
                os.killpg(pid, signal.SIGKILL)
                _, status, usage = os.wait4(pid, 0)
                return timeout, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, "timeout"
            time.sleep(0.005)
    else:
        _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t0
    code = os.waitstatus_to_exitcode(status)
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, str(code)


def main():
    args = sys.argv[1:]
    if "--" not in args or not args or not args[0].isdigit():
        sys.exit(__doc__.splitlines()[0])
    cut = args.index("--")
    opts, argv = args[:cut], args[cut + 1:]
    runs, warmup, prep, timeout = int(opts[0]), 1, None, None
    i = 1
    while i < len(opts):
        if opts[i] == "--warmup":
            warmup = int(opts[i + 1])
        elif opts[i] == "--prep":
            prep = opts[i + 1]
        elif opts[i] == "--timeout":
            timeout = float(opts[i + 1])
        else:
            sys.exit(f"timer.py: unknown option {opts[i]}")
        i += 2
    walls, cpus, peaks, codes = [], [], [], set()
    for k in range(warmup + runs):
        if prep:
            subprocess.run(prep, shell=True, check=True)
        wall, cpu, peak, code = run_once(argv, timeout)
        if k >= warmup:
            walls.append(wall)
            cpus.append(cpu)
            peaks.append(peak)
            codes.add(code)
        if code == "timeout":  # one is enough to know
            break
    print(f"runs={len(walls)} wall_median={statistics.median(walls):.4f} wall_min={min(walls):.4f} "
          f"wall_max={max(walls):.4f} cpu_median={statistics.median(cpus):.4f} "
          f"peak_kib={max(peaks)} exit={','.join(sorted(codes))}")


if __name__ == "__main__":
    main()
