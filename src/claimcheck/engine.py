"""Where extraction runs: in this process, in a pool of processes (`--jobs`), or on Dask (`--engine dask`).

Articles arrive in batches (lists of Article); each engine yields (article, claims) for every article
of every batch, in the order the batches came, so a run's results do not depend on where it ran.
The spaCy model is loaded once per process that parses: lazily here (only when a batch needs
parsing), once for a pool (in this process, before it forks the workers, which inherit it; where
processes cannot fork, once per worker in its initializer), once per Dask worker (a cached global).

The Dask engine lives in engine_dask.py and is imported only when asked for.
"""
from __future__ import annotations

import os
from collections import deque
from dataclasses import dataclass
from itertools import chain
from contextlib import nullcontext
from typing import Callable, ContextManager, Iterable, Iterator, Optional

from .models import Article, Claim, RuleSet

BATCH_ARTICLES = 32      # articles per task: big enough that a task's overhead (pickling, a future) is
                         # under 1% of its parsing (~2 s of CPU on ecbplus-dev articles), small enough
                         # that the last tasks of a run keep every process busy
IN_FLIGHT_PER_JOB = 2    # batches submitted ahead per process: keeps each one fed, bounds memory
RECYCLE_ARTICLES = 1_024  # articles a pool process parses before the pool is replaced by fresh processes
                          # (forked again from this one, which holds the model as loaded): a process's
                          # spaCy vocabulary and string store grow with every new word it parses and
                          # never shrink (spaCy's memory_zone fails with claimcheck's memoized
                          # components). 20,450 altered ECB+ articles (25 copies) on 2 processes grew
                          # each to ~550 MB PSS without it. Waiting for the old pool's last batches
                          # costs one process about half a batch of idle time per replacement.
LOADING = "Loading the language model"

Status = Callable[[str], ContextManager]     # a context around the model's load (the terminal's spinner)
Loaded = Callable[[Optional[object]], None]  # called once parsing starts: with the model when it is loaded
                                             # here, else None (pipeline.py checks the rules' examples)


def _no_status(message: str) -> ContextManager:
    return nullcontext()


def default_jobs() -> int:
    """Every core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass
class Model:
    """Which pipeline parsed the articles: filled in by the engine once it has loaded one."""
    name: str
    warning: str = ""
    loaded: bool = False


def batched(items: Iterable[Article], size: Optional[int] = None) -> Iterator[list[Article]]:
    size = size or BATCH_ARTICLES
    batch: list[Article] = []
    for a in items:
        batch.append(a)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


# ------------------------------------------------------------------ one process


def extract_here(batches: Iterable[list[Article]], ruleset: RuleSet, model: Model, model_arg: Optional[str],
                 nlp=None, status: Optional[Status] = None, loaded: Optional[Loaded] = None
                 ) -> Iterator[tuple[Article, list[Claim]]]:
    """Extract in this process, loading the model on the first batch (never when there is none)."""
    from . import extract, nlp as nlp_mod
    for batch in batches:
        if nlp is None:
            with (status or _no_status)(LOADING):
                nlp = nlp_mod.load(model_arg)
            if loaded:
                loaded(nlp)
        _note(model, nlp.name, nlp.warning)
        yield from extract.extract_articles(batch, nlp, ruleset)


def _note(model: Model, name: str, warning: str) -> None:
    model.name, model.warning, model.loaded = name, warning, True


# ------------------------------------------------------------------ a pool of processes

_WORKER: dict = {}


def _init_worker(model_arg: Optional[str], ruleset: RuleSet) -> None:
    """A pool worker's model: inherited from the parent when forked, else loaded here (spawn).
    Everything it holds now is frozen for the collector: a pool forked late in a run inherits the
    parent's claims too, which its garbage collection would otherwise walk (copying their pages)."""
    import gc
    if "nlp" not in _WORKER:
        from . import extract, nlp as nlp_mod
        _WORKER["nlp"] = nlp_mod.load(model_arg)
        extract.warm_up()
    _WORKER["ruleset"] = ruleset
    gc.freeze()


def extract_batch(batch: list[Article], nlp, ruleset: RuleSet) -> list[list[Claim]]:
    """The claims of each article of one batch (what a pool or Dask task computes)."""
    from . import extract
    return [found for _, found in extract.extract_articles(batch, nlp, ruleset)]


def _pool_task(batch: list[Article]) -> tuple[str, str, list[list[Claim]]]:
    nlp = _WORKER["nlp"]
    return nlp.name, nlp.warning, extract_batch(batch, nlp, _WORKER["ruleset"])


def extract_in_pool(batches: Iterable[list[Article]], ruleset: RuleSet, model: Model, model_arg: Optional[str],
                    jobs: int, status: Optional[Status] = None, loaded: Optional[Loaded] = None
                    ) -> Iterator[tuple[Article, list[Claim]]]:
    """Extract in `jobs` processes, which inherit the model this process loads (or load it once
    each where processes are spawned). With one batch only (a handful of articles), starting
    processes costs more than it saves: that batch is parsed here."""
    it = iter(batches)
    head = [b for b in (next(it, None), next(it, None)) if b is not None]
    if len(head) < 2 or jobs < 2:
        yield from extract_here(chain(head, it), ruleset, model, model_arg, status=status, loaded=loaded)
        return
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from . import extract, nlp as nlp_mod
    fork = "fork" in multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if fork else "spawn")
    if fork:
        # The model is loaded (and extraction's lazy tables built: pint's unit registry, the given
        # names) once, here, and the forked workers inherit them: one load instead of one per worker
        # plus one here for the rules' examples. Frozen for the collector, so that neither process's
        # garbage collection walks (and copies the pages of) the model's objects.
        with (status or _no_status)(LOADING):
            nlp = nlp_mod.load(model_arg)
            extract.warm_up()
        if loaded:
            loaded(nlp)
        _note(model, nlp.name, nlp.warning)
        _WORKER["nlp"] = nlp
        gc.freeze()
    elif loaded:
        loaded(None)

    def new_pool():
        return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                                   initargs=(model_arg, ruleset))
    try:
        yield from _run_pool(new_pool, chain(head, it), model, jobs, status, first_waits=not fork)
    finally:
        _WORKER.pop("nlp", None)       # the workers have it; this process keeps no model beyond the run
        if fork:
            gc.unfreeze()


def _run_pool(new_pool: Callable[[], object], batches: Iterable[list[Article]], model: Model, jobs: int,
              status: Optional[Status], first_waits: bool) -> Iterator[tuple[Article, list[Claim]]]:
    """Submit the batches to a pool of `jobs` processes, at most IN_FLIGHT_PER_JOB each ahead, and
    yield their results in order. Every RECYCLE_ARTICLES articles per process, the pool is drained
    and shut down, and a new one is started (forked from this process: no thread of the old pool is
    left when it forks), so no process's memory grows with the whole corpus."""
    pending: deque = deque()
    first = [first_waits]
    per_pool = max(1, RECYCLE_ARTICLES * jobs // BATCH_ARTICLES)     # batches a pool parses

    def collect():
        if first[0]:       # the first result waits for spawned workers to load the model
            first[0] = False
            with (status or _no_status)(LOADING):
                got = list(_collect(pending.popleft(), model))
            return got
        return _collect(pending.popleft(), model)

    pool = None
    try:
        submitted = 0
        for batch in batches:
            if pool is None or submitted >= per_pool:
                if pool is not None:
                    while pending:
                        yield from collect()
                    pool.shutdown(wait=True)
                pool, submitted = new_pool(), 0
            pending.append((batch, pool.submit(_pool_task, batch)))
            submitted += 1
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from collect()
        while pending:
            yield from collect()
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)


def _collect(item, model: Model) -> Iterator[tuple[Article, list[Claim]]]:
    batch, future = item
    name, warning, found = future.result()
    _note(model, name, warning)
    yield from zip(batch, found)
