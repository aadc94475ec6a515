"""Where extraction runs: in this process, in a pool of processes (`--jobs`), or on Dask (`--engine dask`).

Articles arrive in batches (lists of Article); each engine yields (article, claims) for every article
of every batch, in the order the batches came, so a run's results do not depend on where it ran.
The spaCy model is loaded once per process that parses: lazily here (only when a batch needs
parsing), once per pool worker (its initializer), once per Dask worker (a cached global).

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
    from . import nlp as nlp_mod
    _WORKER["nlp"] = nlp_mod.load(model_arg)
    _WORKER["ruleset"] = ruleset


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
    """Extract in `jobs` processes, each loading the model once. With one batch only (a handful of
    articles), starting processes costs more than it saves: that batch is parsed here."""
    it = iter(batches)
    head = [b for b in (next(it, None), next(it, None)) if b is not None]
    if len(head) < 2 or jobs < 2:
        yield from extract_here(chain(head, it), ruleset, model, model_arg, status=status, loaded=loaded)
        return
    if loaded:
        loaded(None)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    # fork: workers start in milliseconds and inherit the imported modules (spaCy itself is imported
    # by each worker when it loads the model; this process has not imported it)
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=_init_worker,
                             initargs=(model_arg, ruleset)) as pool:
        pending: deque = deque()
        first = [True]

        def collect():
            if first[0]:       # the first result waits for the workers to load the model
                first[0] = False
                with (status or _no_status)(LOADING):
                    got = list(_collect(pending.popleft(), model))
                return got
            return _collect(pending.popleft(), model)

        for batch in chain(head, it):
            pending.append((batch, pool.submit(_pool_task, batch)))
            while len(pending) >= jobs * IN_FLIGHT_PER_JOB:
                yield from collect()
        while pending:
            yield from collect()


def _collect(item, model: Model) -> Iterator[tuple[Article, list[Claim]]]:
    batch, future = item
    name, warning, found = future.result()
    _note(model, name, warning)
    yield from zip(batch, found)
