"""The DuckDB store: schema, round trips, idempotence, transactions, views, shards."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportedly import __version__
from reportedly.errors import InputError
from reportedly.model import (
    Article,
    Attribution,
    Block,
    Chain,
    Claim,
    Credit,
    Entity,
    Hedge,
    Hop,
    Report,
    TimeExpr,
    Voice,
)
from reportedly.store import (
    COLUMNS,
    FINDING_TABLES,
    MIGRATIONS,
    VIEWS,
    Store,
    StoreError,
    error_row,
    report_tables,
    text_hash,
)

TEXT = (
    "SEOUL (Reuters) - Yonhap said KCTV reported that Kim allegedly visited the site. "
    "The dictator smiled on Monday, an official who asked not to be named said."
)


def full_report(aid: str = "a1", text: str = TEXT, outlet: str = "Fox News") -> Report:
    """A report with every record type and every optional field filled."""
    art = Article(
        text=text, id=aid, url="https://example.com/a", outlet=outlet, title="T", authors=("A One", "B Two"),
        published="2025-06-30", blocks=(Block("dateline", 0, 17), Block("body", 18, len(text))),
        origin="corpus.jsonl:3", format="jsonl", outlet_label="Guest Writer - Right",
    )
    return Report(
        article=art,
        entities=(
            Entity("e1", "Kim", "person", ((49, 52),), ("leader",), ((49, 52),), "entities.rules/1"),
            Entity("e2", "Yonhap", "outlet", ((18, 24), (25, 29))),
        ),
        attributions=(
            Attribution("t1", ((18, 24),), ((25, 29),), ((30, 79),), "indirect", "Yonhap", "news_agency", "e2",
                        ((0, 5),), "Seoul", None, 0.8),
            Attribution("t2", ((113, 152),), ((153, 157),), (), "according_to", None, "anonymous", confidence=0.5),
        ),
        chains=(
            Chain("t1", (Hop("KCTV", "state_media", "origin", (30, 34), "e3", "KP", True, "2025-06-30", 0.9),
                         Hop("Yonhap", "news_agency", "relay", (18, 24)), Hop(outlet, "outlet", "publisher")), 0.7),
            Chain(None, ()),
        ),
        credits=(Credit("Reuters", "wire", (7, 14)), Credit("AP", "photo", None)),
        hedges=(Hedge((53, 62), "allegedly", "hedge", "t1", (53, 79), "hyland"), Hedge((10, 11), "x")),
        voice=(Voice((85, 93), "dictator", "loaded", "npov"),),
        times=(TimeExpr((106, 112), "Monday", "2025-06-30", "date", 0.9), TimeExpr((0, 1), "S", None)),
        claims=(Claim((18, 79), "hedged", "t1", ((53, 62),)), Claim((81, 112), "asserted")),
        summary={"attributions": 2, "by": {"anonymous": 1}, "share": 0.5},
        version=__version__,
    )


@pytest.fixture()
def store() -> Store:
    s = Store.open(":memory:")
    yield s  # type: ignore[misc]
    s.close()


def test_columns_match_migrated_schema(store: Store) -> None:
    for table, cols in COLUMNS.items():
        have = store.con.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
        types = dict(have)
        for name, ty in cols:
            assert name in types, (table, name)
            assert types[name] == ty, (table, name, types[name], ty)


def test_migrations_are_applied_once_and_recorded(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as s:
        assert s.schema_version() == MIGRATIONS[-1][0]
        rows = s.con.execute("SELECT id, name, version FROM migrations ORDER BY id").fetchall()
        assert [r[0] for r in rows] == [m[0] for m in MIGRATIONS]
        assert all(r[2] == __version__ for r in rows)
    with Store.open(db) as s:
        assert s.migrate() == []
        for view in VIEWS:
            s.con.execute(f"SELECT * FROM {view}").fetchall()


def test_migration_ids_are_increasing() -> None:
    ids = [m[0] for m in MIGRATIONS]
    assert ids == sorted(ids) and len(set(ids)) == len(ids) and ids[0] == 1


def test_store_newer_than_code_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    with Store.open(db) as s:
        s.con.execute("INSERT INTO migrations (id, name) VALUES (999, 'from the future')").fetchall()
    with pytest.raises(StoreError, match="newer"):
        Store.open(db)


def test_read_only_open_of_missing_or_foreign_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "missing.duckdb", read_only=True)
    import duckdb

    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).close()
    with pytest.raises(StoreError, match="not a reportedly store"):
        Store.open(other, read_only=True)


def test_full_report_round_trip(store: Store) -> None:
    r = full_report()
    stats = store.write([r])
    assert stats.articles == 1 and stats.ids == ["a1"]
    (back,) = list(store.reports())
    assert back == r
    assert back.to_dict() == r.to_dict()


def test_every_finding_row_has_produced_by_and_version(store: Store) -> None:
    store.write([full_report()])
    for table in FINDING_TABLES:
        rows = store.con.execute(f"SELECT produced_by, version FROM {table}").fetchall()
        assert rows, table
        assert all(p and v == __version__ for p, v in rows), table


def test_row_counts_of_a_full_report(store: Store) -> None:
    store.write([full_report()])
    c = store.counts()
    assert c["articles"] == 1 and c["blocks"] == 2 and c["entities"] == 2 and c["mentions"] == 3
    assert c["attributions"] == 2 and c["chains"] == 2 and c["hops"] == 3 and c["credits"] == 2
    assert c["hedges"] == 2 and c["voice"] == 1 and c["times"] == 2 and c["claims"] == 2


def test_spans_are_queryable_as_text(store: Store) -> None:
    store.write([full_report()])
    rows = store.con.execute(
        "SELECT substring(a.text, h.cue_start + 1, h.cue_end - h.cue_start) FROM hedges h "
        "JOIN articles a ON a.id = h.article_id WHERE h.kind = 'hedge' AND h.lexicon = 'hyland'"
    ).fetchall()
    assert rows == [("allegedly",)]
    (content,) = store.con.execute("SELECT content FROM attributions WHERE id = 't1'").fetchone()  # type: ignore[misc]
    assert json.loads(content) == [[30, 79]]


def test_a_stored_id_is_skipped_and_the_same_text_under_another_id_is_stored(store: Store) -> None:
    r = full_report()
    assert store.write([r]).articles == 1
    again = store.write([r])
    assert again.articles == 0 and again.skipped == 1
    same_id_other_text = full_report("a1", TEXT + " More.")
    st = store.write([same_id_other_text])
    assert st.skipped == 1 and st.changed == ["a1"]
    assert store.counts()["articles"] == 1
    # a republication: the same text under another id (another outlet) is an article of its own
    other_id = dataclasses.replace(r, article=dataclasses.replace(r.article, id="a2", outlet="Reuters"))
    assert store.write([other_id]).articles == 1
    assert store.counts()["articles"] == 2
    assert store.counts()["hops"] == 6


def test_duplicates_inside_one_batch_are_stored_once(store: Store) -> None:
    r = full_report()
    stats = store.write([r, r, full_report("b", TEXT)])
    assert stats.articles == 2 and stats.skipped == 1  # "b": the same text under another id is stored
    assert store.counts()["entities"] == 4


def test_known(store: Store) -> None:
    store.write([full_report()])
    ids, hashes = store.known(["a1", "zz"], [text_hash(TEXT), text_hash("other")])
    assert ids == {"a1"} and hashes == {text_hash(TEXT)}
    assert store.known([], []) == (set(), set())


def test_errors_are_recorded_once_and_cleared_when_the_article_is_stored(store: Store) -> None:
    read = (InputError("corpus.jsonl", "not JSON", 7), None, "read")
    failed = (InputError("corpus.jsonl:3", "analysis failed (ValueError: x)"), "a1", "analyze")
    assert store.write([], [read, failed]).errors == 2
    assert store.write([], [read, failed]).errors == 0
    rows = store.con.execute("SELECT origin, line, reason, article_id, stage FROM errors ORDER BY line").fetchall()
    assert rows == [
        ("corpus.jsonl", 3, "analysis failed (ValueError: x)", "a1", "analyze"),
        ("corpus.jsonl", 7, "not JSON", None, "read"),
    ]
    store.write([full_report()])
    assert store.con.execute("SELECT count(*) FROM errors").fetchone() == (1,)


def test_error_row_splits_origin_and_line() -> None:
    assert error_row(InputError("c.jsonl:12", "bad"))[:3] == ("c.jsonl", 12, "bad")
    assert error_row(InputError("c.jsonl", "bad", 4))[:3] == ("c.jsonl", 4, "bad")
    assert error_row(InputError("page.html", "bad"))[:3] == ("page.html", None, "bad")


def test_a_failed_batch_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    real = Store._insert

    def failing(self: Store, name: str, table: object) -> None:
        real(self, name, table)  # type: ignore[arg-type]
        if name == "hedges":
            raise RuntimeError("disk full")

    monkeypatch.setattr(Store, "_insert", failing)
    with pytest.raises(RuntimeError):
        store.write([full_report()], [(InputError("x", "y"), None, "read")])
    assert all(n == 0 for n in store.counts().values())


def test_fields_a_newer_model_adds_are_kept_as_extra(store: Store) -> None:
    @dataclasses.dataclass(frozen=True, slots=True)
    class NewCredit(Credit):
        note: str = ""

    r = dataclasses.replace(full_report(), credits=(NewCredit("AP", "photo", None, note="file photo"),))
    store.write([r])
    (extra,) = store.con.execute("SELECT extra FROM credits").fetchone()  # type: ignore[misc]
    assert json.loads(extra) == {"note": "file photo"}


def test_views(store: Store) -> None:
    store.write([full_report("a1", TEXT, "Fox News"), full_report("b1", TEXT + " Again.", "CNN")])
    plain = dataclasses.replace(full_report("c1", TEXT + " Plain.", "CNN"), attributions=(), chains=(), hedges=())
    store.write([plain])
    rows = {r[0]: r[1:] for r in store.con.execute("SELECT * FROM state_media_share_by_outlet").fetchall()}
    # outlet -> articles, attributions, via state media, articles relaying, share
    assert rows["Fox News"] == (1, 2, 1, 1, 0.5)
    assert rows["CNN"] == (2, 2, 1, 1, 0.5)
    anon = {r[0]: r[1:] for r in store.con.execute("SELECT * FROM anonymous_source_rate").fetchall()}
    assert anon["CNN"] == (2, 2, 1, 0.5)
    hedge = {r[0]: r for r in store.con.execute("SELECT outlet, articles, hedges, share_of_articles_hedged FROM hedge_rate").fetchall()}
    assert hedge["CNN"] == ("CNN", 2, 2, 0.5)  # both hedges of the full report are kind "hedge"
    src = store.con.execute(
        "SELECT source_type, attributions FROM sources_by_outlet WHERE outlet = 'Fox News' ORDER BY source_type"
    ).fetchall()
    assert src == [("anonymous", 1), ("news_agency", 1)]


def test_shard_merge_equals_direct_write(tmp_path: Path) -> None:
    reports = [full_report("a1"), full_report("b1", TEXT + " B.")]
    failures = [(InputError("c.jsonl", "not JSON", 9), None, "read")]
    shard = tmp_path / "shards" / "run-000001"
    shard.mkdir(parents=True)
    for t, tbl in report_tables(reports, failures).items():
        pq.write_table(tbl, shard / f"{t}.parquet")
    with Store.open(":memory:") as direct, Store.open(":memory:") as merged:
        direct.write(reports, failures)
        stats = merged.merge_shard(shard)
        assert stats.articles == 2 and stats.errors == 1
        assert merged.merge_shard(shard).articles == 0  # merged shards are remembered
        for t, cols in COLUMNS.items():
            q = f"SELECT {', '.join(c for c, _ in cols)} FROM {t} ORDER BY ALL"
            assert direct.con.execute(q).fetchall() == merged.con.execute(q).fetchall(), t
        assert list(merged.reports()) == reports


def test_shard_merge_skips_stored_articles_and_refuses_incomplete_shards(tmp_path: Path) -> None:
    shard = tmp_path / "run-000002"
    shard.mkdir()
    for t, tbl in report_tables([full_report("a1"), full_report("zz")]).items():
        pq.write_table(tbl, shard / f"{t}.parquet")
    with Store.open(":memory:") as s:
        s.write([full_report("a1")])
        # "a1" is stored; "zz", the same text under another id, is another article (a republication)
        assert s.merge_shard(shard).articles == 1
        assert s.counts()["articles"] == 2 and s.counts()["hops"] == 6
        other = shard.rename(tmp_path / "run-000003")  # a new name: merged names are skipped
        (other / "voice.parquet").unlink()
        with pytest.raises(StoreError, match="not a complete shard"):
            s.merge_shard(other)


# --- property: any report survives the store ----------------------------------------

_words = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N", "P", "Zs", "So")), min_size=1, max_size=80)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    text = draw(_words)
    n = len(text)

    def span() -> tuple[int, int]:
        s = draw(st.integers(0, n))
        return (s, draw(st.integers(s, n)))

    def spans() -> tuple[tuple[int, int], ...]:
        return tuple(span() for _ in range(draw(st.integers(0, 3))))

    opt = st.none() | st.text(max_size=12)
    art = Article(
        text=text, id=draw(st.text(min_size=1, max_size=10)), outlet=draw(opt), url=draw(opt), outlet_label=draw(opt),
        authors=tuple(draw(st.lists(st.text(max_size=8), max_size=2))),
        published=draw(st.none() | st.just("2020-01-02")),
        blocks=tuple(Block(draw(st.sampled_from(["body", "headline"])), *span()) for _ in range(draw(st.integers(0, 2)))),
    )
    ent = tuple(
        Entity(f"e{i}", draw(st.text(max_size=8)), "person", spans(), tuple(draw(st.lists(st.text(max_size=5), max_size=2))), spans())
        for i in range(draw(st.integers(0, 2)))
    )
    att = tuple(
        Attribution(f"t{i}", spans(), spans(), spans(), "direct", draw(opt), draw(opt), confidence=draw(st.floats(0, 1)))
        for i in range(draw(st.integers(0, 2)))
    )
    hops = tuple(Hop(draw(st.text(max_size=6)), "outlet", "relay", draw(st.none() | st.just(span())),
                     state_controlled=draw(st.none() | st.booleans())) for _ in range(draw(st.integers(0, 3))))
    return Report(
        article=art, entities=ent, attributions=att,
        chains=(Chain(draw(opt), hops),) if draw(st.booleans()) else (),
        credits=(Credit(draw(st.text(max_size=5)), "photo", draw(st.none() | st.just(span()))),),
        hedges=(Hedge(span(), draw(st.text(max_size=5)), scope=draw(st.none() | st.just(span()))),),
        voice=(Voice(span(), "w", "loaded"),),
        times=(TimeExpr(span(), "t", draw(st.none() | st.just("2020"))),),
        claims=(Claim(span(), "asserted", draw(opt), spans()),),
        summary=draw(st.dictionaries(st.text(max_size=5), st.integers() | st.text(max_size=5), max_size=3)),
        version=__version__,
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(r=reports())
def test_any_report_round_trips(r: Report) -> None:
    with Store.open(":memory:") as s:
        s.write([r])
        assert list(s.reports()) == [r]
