"""`--engine dask`: extraction and alignment as tasks on a Dask distributed cluster.

Imported only when the Dask engine is asked for (dask is an optional extra: pip install 'claimcheck[dask]').

- Extraction: one task per batch of articles (engine.BATCH_ARTICLES); each worker process loads the
  spaCy model once, on its first task, and keeps it in a module global for the next ones. The rules
  are scattered once to every worker. Results come back in the order the batches were sent.
- Alignment: a shuffle by block. align.prepare computes what is corpus-wide once, here (stories,
  events and each claim's event, folded predicates); it is scattered to the workers; the claims are
  partitioned by align.block_key (every claim of one block lands in one part) and each part's blocks
  are grouped by align.align_block as one task. The facts are sorted as align.align_all sorts them,
  so the report is the local engine's.

On a LocalCluster by default (`jobs` worker processes, one thread each); `scheduler` names a running
cluster instead ("tcp://10.0.0.5:8786"), whose workers must have claimcheck and the model installed.
"""
from __future__ import annotations

import threading
import warnings
import zlib
from collections import deque
from contextlib import ExitStack, contextmanager
from typing import Iterable, Iterator, Optional

from . import align as align_mod
from .engine import IN_FLIGHT_PER_JOB, LOADING, Loaded, Model, Status, _no_status, default_jobs, extract_batch
from .errors import UsageError
from .models import Article, Claim, Fact, RuleSet

PARTS_PER_WORKER = 4      # alignment parts per worker: several, so one large block does not leave the others idle
CONNECT_TIMEOUT = "30s"

_MODELS: dict = {}          # on a worker: model argument -> loaded pipeline
_LOCK = threading.Lock()    # a worker with several threads parses one batch at a time (one model object)


class Session:
    """A connection to the cluster, opened on first use (a re-run with everything cached opens none)."""

    def __init__(self, scheduler: Optional[str], workers: Optional[int]):
        self.scheduler, self.workers = scheduler, workers
        self._stack = ExitStack()
        self._client = None

    @property
    def client(self):
        if self._client is None:
            self._client = self._stack.enter_context(connect(self.scheduler, self.workers))
        return self._client

    def close(self) -> None:
        self._stack.close()


@contextmanager
def session(scheduler: Optional[str], workers: Optional[int]) -> Iterator[Session]:
    s = Session(scheduler, workers)
    try:
        yield s
    finally:
        s.close()


@contextmanager
def connect(scheduler: Optional[str], workers: Optional[int]) -> Iterator[object]:
    """A dask.distributed Client: to `scheduler`, or to a LocalCluster of `workers` processes."""
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("--engine dask needs Dask: pip install 'claimcheck[dask]' "
                         "(or pip install 'dask[distributed]')") from None
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError, ValueError) as e:
            raise UsageError(f"--scheduler {scheduler}: cannot reach a Dask scheduler there ({e})") from None
        with client:
            yield client
        return
    with warnings.catch_warnings():    # "Port 8787 is already in use": no dashboard is asked for
        warnings.filterwarnings("ignore", message="Port .* is already in use", category=UserWarning)
        cluster = LocalCluster(n_workers=workers or default_jobs(), threads_per_worker=1, processes=True,
                               dashboard_address=None)
    with cluster, Client(cluster) as client:
        yield client


def _task(batch: list[Article], model_arg: Optional[str], ruleset: RuleSet) -> tuple[str, str, list[list[Claim]]]:
    """Runs on a worker: the claims of one batch, with the worker's one copy of the model."""
    with _LOCK:
        nlp = _MODELS.get(model_arg)
        if nlp is None:
            from . import nlp as nlp_mod
            nlp = _MODELS[model_arg] = nlp_mod.load(model_arg)
        return nlp.name, nlp.warning, extract_batch(batch, nlp, ruleset)


def extract_on_dask(session: Session, batches: Iterable[list[Article]], ruleset: RuleSet, model: Model,
                    model_arg: Optional[str], status: Optional[Status] = None, loaded: Optional[Loaded] = None
                    ) -> Iterator[tuple[Article, list[Claim]]]:
    """(article, claims) for every article of every batch, in order, extracted on the cluster."""
    client = workers = rules_future = None
    pending: deque = deque()

    def collect():
        batch, future = pending.popleft()
        if not model.loaded:    # the first result waits for the workers to load the model
            with (status or _no_status)(LOADING):
                name, warning, found = future.result()
        else:
            name, warning, found = future.result()
        model.name, model.warning, model.loaded = name, warning, True
        yield from zip(batch, found)

    for batch in batches:
        if client is None:
            if loaded:
                loaded(None)
            client = session.client
            workers = max(1, len(client.scheduler_info().get("workers", {})))
            rules_future = client.scatter(ruleset, broadcast=True)
        pending.append((batch, client.submit(_task, batch, model_arg, rules_future, pure=False)))
        while len(pending) >= workers * IN_FLIGHT_PER_JOB:
            yield from collect()
    while pending:
        yield from collect()


def _align_part(prep: align_mod.Prepared, claims: list[Claim]) -> tuple[list[Fact], int]:
    facts: list[Fact] = []
    comparisons = 0
    for block in align_mod.blocks_of(claims, prep):
        got, n = align_mod.align_block(prep, block)
        facts += got
        comparisons += n
    return facts, comparisons


def part_of(prep: align_mod.Prepared, claim: Claim, parts: int) -> int:
    """The part a claim's block goes to (a stable hash: the same on every machine and run)."""
    return zlib.crc32(repr(align_mod.block_key(prep, claim)).encode()) % parts


def align_on_dask(session: Session, claims: list[Claim], articles: list[Article],
                  ruleset: RuleSet, stories=None) -> align_mod.Alignment:
    """align.align_all, with the blocks grouped as tasks on the cluster (stories and events here;
    `stories` as align_all takes them)."""
    prep = align_mod.prepare(claims, articles, ruleset, stories)     # fills in each claim's event
    parts: dict[int, list[Claim]] = {}
    if claims:
        client = session.client
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        n = workers * PARTS_PER_WORKER
        for c in claims:
            parts.setdefault(part_of(prep, c, n), []).append(c)
    if not parts:
        return align_mod.Alignment(prep.stories, prep.events, [], 0)
    shared = client.scatter(prep, broadcast=True)
    futures = [client.submit(_align_part, shared, parts[k], pure=False) for k in sorted(parts)]
    facts: list[Fact] = []
    comparisons = 0
    for got, n in client.gather(futures):
        facts += got
        comparisons += n
    return align_mod.Alignment(prep.stories, prep.events, align_mod.sort_facts(facts), comparisons)
