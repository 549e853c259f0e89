# A FIFO of pending jobs with priority inserts.
# args JOBS: [1, 2, 3] ;; [] ;; [5] ;; [3, 3, 1]
# args AT: 0 ;; 1 ;; -1 ;; 10 ** 30 ;; -(10 ** 30) ;; 2 ** 63
# args V: 3 ;; 9 ;; 0
# call: push_at(JOBS, AT, V)
# call: pop_at(JOBS, AT)
# call: find_from(JOBS, V, AT)
# call: drain(JOBS)
# call: window(JOBS, AT)

def push_at(jobs, at, v):
    jobs.insert(at, v)
    return jobs

def pop_at(jobs, at):
    return jobs.pop(at), jobs

def find_from(jobs, v, at):
    return jobs.index(v, at)

def drain(jobs):
    out = []
    while jobs:
        out.append(jobs.pop(0))
    return out, jobs

def window(jobs, at):
    return jobs[at:], jobs[:at], jobs[at] if -len(jobs) <= at < len(jobs) else None
