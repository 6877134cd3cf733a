"""The store's schema: the append-only migrations that create its tables and views, and the columns we write.

``MIGRATIONS`` are applied in order by ``db.Store.migrate``, each once, and
recorded in the ``migrations`` table: never edit one that has shipped, add a
new one.  ``VIEWS`` describes the ready views the migrations create.
``COLUMNS`` lists, per table, the columns of the rows ``rows`` builds and
``db.Store`` inserts, in table order; ``FINDING_TABLES`` and
``ARROW_SCHEMAS`` follow from it.  ``docs/store.md`` documents every table and
view.  No database and no report model here.
"""

from __future__ import annotations

import pyarrow as pa

# --- migrations (append-only) ------------------------------------------------

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (
        1,
        "core tables",
        """
        CREATE SEQUENCE article_seq START 1;
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            text_hash VARCHAR NOT NULL UNIQUE,
            seq BIGINT DEFAULT nextval('article_seq'),
            text VARCHAR NOT NULL,
            url VARCHAR, outlet VARCHAR, title VARCHAR, authors VARCHAR[], published VARCHAR,
            origin VARCHAR, format VARCHAR,
            n_chars INTEGER, n_words INTEGER,
            schema VARCHAR, version VARCHAR, summary JSON, extra JSON,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE blocks (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, kind VARCHAR,
            start_char INTEGER, end_char INTEGER, produced_by VARCHAR, version VARCHAR
        );
        CREATE TABLE entities (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, id VARCHAR, name VARCHAR, kind VARCHAR,
            roles VARCHAR[], role_spans JSON, n_mentions INTEGER,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL, entity_id VARCHAR, idx INTEGER NOT NULL,
            start_char INTEGER, end_char INTEGER, produced_by VARCHAR, version VARCHAR
        );
        CREATE TABLE attributions (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, id VARCHAR, kind VARCHAR,
            source JSON, cue JSON, content JSON,
            source_name VARCHAR, source_type VARCHAR, source_entity VARCHAR,
            addressee JSON, addressee_name VARCHAR, addressee_entity VARCHAR,
            start_char INTEGER, end_char INTEGER, confidence DOUBLE,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE chains (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, attribution VARCHAR,
            n_hops INTEGER, origin_name VARCHAR, origin_type VARCHAR, confidence DOUBLE,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE hops (
            article_id VARCHAR NOT NULL, chain_idx INTEGER NOT NULL, idx INTEGER NOT NULL,
            attribution VARCHAR, name VARCHAR, type VARCHAR, role VARCHAR,
            start_char INTEGER, end_char INTEGER, entity VARCHAR, country VARCHAR,
            state_controlled BOOLEAN, date VARCHAR, confidence DOUBLE,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE credits (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, name VARCHAR, kind VARCHAR,
            start_char INTEGER, end_char INTEGER, produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE hedges (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, cue_start INTEGER, cue_end INTEGER,
            text VARCHAR, kind VARCHAR, attribution VARCHAR, scope_start INTEGER, scope_end INTEGER,
            lexicon VARCHAR, produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE voice (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
            text VARCHAR, category VARCHAR, lexicon VARCHAR, produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE times (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
            text VARCHAR, value VARCHAR, kind VARCHAR, confidence DOUBLE,
            produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE claims (
            article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, start_char INTEGER, end_char INTEGER,
            level VARCHAR, attribution VARCHAR, cues JSON, produced_by VARCHAR, version VARCHAR, extra JSON
        );
        CREATE TABLE errors (
            origin VARCHAR, line INTEGER, reason VARCHAR NOT NULL, article_id VARCHAR,
            stage VARCHAR, version VARCHAR, recorded_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE shards (name VARCHAR PRIMARY KEY, articles INTEGER, merged_at TIMESTAMP DEFAULT current_timestamp);
        """,
    ),
    (
        2,
        "ready views",
        """
        CREATE VIEW sources_by_outlet AS
            SELECT a.outlet, t.source_type, t.source_name,
                   count(*) AS attributions, count(DISTINCT a.id) AS articles
            FROM attributions t JOIN articles a ON a.id = t.article_id
            GROUP BY ALL;
        CREATE VIEW state_media_share_by_outlet AS
            WITH att AS (
                SELECT t.article_id, t.id,
                       t.source_type = 'state_media'
                       OR EXISTS (SELECT 1 FROM hops h
                                  WHERE h.article_id = t.article_id AND h.attribution = t.id
                                    AND h.role <> 'publisher'
                                    AND (h.type = 'state_media' OR h.state_controlled)) AS via_state_media
                FROM attributions t
            )
            SELECT a.outlet,
                   count(DISTINCT a.id) AS articles,
                   count(att.id) AS attributions,
                   count(att.id) FILTER (WHERE att.via_state_media) AS state_media_attributions,
                   count(DISTINCT att.article_id) FILTER (WHERE att.via_state_media) AS articles_relaying_state_media,
                   round(count(att.id) FILTER (WHERE att.via_state_media) / nullif(count(att.id), 0), 4) AS state_media_share
            FROM articles a LEFT JOIN att ON att.article_id = a.id
            GROUP BY a.outlet;
        CREATE VIEW anonymous_source_rate AS
            SELECT a.outlet,
                   count(DISTINCT a.id) AS articles,
                   count(t.id) AS attributions,
                   count(t.id) FILTER (WHERE t.source_type = 'anonymous') AS anonymous,
                   round(count(t.id) FILTER (WHERE t.source_type = 'anonymous') / nullif(count(t.id), 0), 4)
                       AS anonymous_rate
            FROM articles a LEFT JOIN attributions t ON t.article_id = a.id
            GROUP BY a.outlet;
        CREATE VIEW hedge_rate AS
            WITH h AS (
                SELECT article_id, count(*) AS hedges,
                       count(*) FILTER (WHERE attribution IS NOT NULL) AS hedges_in_attributions
                FROM hedges WHERE kind = 'hedge' GROUP BY article_id
            )
            SELECT a.outlet,
                   count(*) AS articles,
                   sum(a.n_words) AS words,
                   coalesce(sum(h.hedges), 0) AS hedges,
                   coalesce(sum(h.hedges_in_attributions), 0) AS hedges_in_attributions,
                   round(1000.0 * coalesce(sum(h.hedges), 0) / nullif(sum(a.n_words), 0), 3) AS hedges_per_1000_words,
                   round(count(h.article_id) / count(*), 4) AS share_of_articles_hedged
            FROM articles a LEFT JOIN h ON h.article_id = a.id
            GROUP BY a.outlet;
        """,
    ),
    (
        3,
        "stories and copies",
        """
        CREATE TABLE trace_state (
            article_id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL,
            story_state BLOB, copy_state BLOB, version VARCHAR,
            traced_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE story_articles (story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL);
        CREATE TABLE story_labels (story_id VARCHAR NOT NULL, label_article_id VARCHAR NOT NULL);
        CREATE TABLE copies (
            article_id VARCHAR NOT NULL, source_article_id VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            share DOUBLE, containment DOUBLE, wire_credit VARCHAR, source_wire_credit VARCHAR
        );
        CREATE VIEW stories AS
            WITH m AS (
                SELECT s.story_id, a.id, a.outlet,
                       CASE WHEN regexp_matches(a.published, '^\\d{4}-\\d{2}-\\d{2}') THEN left(a.published, 10) END AS day
                FROM story_articles s JOIN articles a ON a.id = s.article_id
            )
            SELECT m.story_id,
                   coalesce(nullif(trim(c.title), ''), left(trim(split_part(trim(c.text), chr(10), 1)), 120)) AS label,
                   l.label_article_id,
                   count(*) AS articles,
                   count(DISTINCT m.outlet) AS outlets,
                   list_sort(list_distinct(list(m.outlet))) AS outlet_names,
                   min(m.day) AS first_date,
                   max(m.day) AS last_date
            FROM m LEFT JOIN story_labels l ON l.story_id = m.story_id
                   LEFT JOIN articles c ON c.id = l.label_article_id
            GROUP BY m.story_id, l.label_article_id, c.title, c.text;
        CREATE VIEW copy_rate_by_outlet AS
            WITH c AS (
                SELECT article_id,
                       bool_or(kind = 'same_copy') AS same_copy,
                       max(share) AS share,
                       bool_or(wire_credit IS NOT NULL) AS wire_credited
                FROM copies GROUP BY article_id
            )
            SELECT a.outlet,
                   count(*) AS articles,
                   count(c.article_id) AS copies,
                   count(c.article_id) FILTER (WHERE c.same_copy) AS same_copies,
                   count(c.article_id) FILTER (WHERE NOT c.same_copy) AS partial_reuses,
                   count(c.article_id) FILTER (WHERE c.wire_credited) AS copies_with_wire_credit,
                   round(count(c.article_id) / count(*), 4) AS copy_rate,
                   round(count(c.article_id) FILTER (WHERE c.same_copy) / count(*), 4) AS same_copy_rate,
                   round(avg(c.share), 4) AS mean_share_reused
            FROM articles a LEFT JOIN c ON c.article_id = a.id
            GROUP BY a.outlet;
        """,
    ),
    (
        4,
        "the same text under another id is another article",
        # A wire story republished word for word by another outlet is a publication of its own (the
        # copies layer must see it); articles stay unique by id only.  DuckDB cannot drop a UNIQUE
        # constraint, so the table is rebuilt (same columns, same order, same sequence).
        """
        CREATE TABLE articles_v4 (
            id VARCHAR PRIMARY KEY,
            text_hash VARCHAR NOT NULL,
            seq BIGINT DEFAULT nextval('article_seq'),
            text VARCHAR NOT NULL,
            url VARCHAR, outlet VARCHAR, title VARCHAR, authors VARCHAR[], published VARCHAR,
            origin VARCHAR, format VARCHAR,
            n_chars INTEGER, n_words INTEGER,
            schema VARCHAR, version VARCHAR, summary JSON, extra JSON,
            ingested_at TIMESTAMP DEFAULT current_timestamp
        );
        INSERT INTO articles_v4 SELECT * FROM articles ORDER BY seq;
        DROP TABLE articles;
        ALTER TABLE articles_v4 RENAME TO articles;
        CREATE INDEX articles_text_hash ON articles (text_hash);
        """,
    ),
    (
        5,
        "claims across articles",
        # The claim layer of ``reportedly trace`` (issue 14).  ``claim_state`` is the claim and
        # relay finders' memory of each traced article; a store traced before this migration has
        # none, and the next trace computes it for the traced articles, in ingest order, before
        # the new ones (``corpus.trace``).
        """
        CREATE TABLE claim_state (
            article_id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL,
            claim_state BLOB, relay_state BLOB, groups VARCHAR[], version VARCHAR,
            traced_at TIMESTAMP DEFAULT current_timestamp
        );
        CREATE TABLE claim_groups (
            group_id VARCHAR NOT NULL, text VARCHAR, first_article_id VARCHAR NOT NULL, first_seen VARCHAR,
            origin_name VARCHAR, origin_type VARCHAR, kind VARCHAR, mentions INTEGER, articles INTEGER,
            first_start INTEGER, first_end INTEGER
        );
        CREATE TABLE claim_group_mentions (
            group_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, attribution_id VARCHAR,
            "start" INTEGER NOT NULL, "end" INTEGER NOT NULL, level VARCHAR NOT NULL,
            unit INTEGER NOT NULL, quote BOOLEAN, origin_name VARCHAR, origin_type VARCHAR, cues JSON
        );
        CREATE TABLE relays (
            article_id VARCHAR NOT NULL, "start" INTEGER NOT NULL, "end" INTEGER NOT NULL,
            origin_article_id VARCHAR NOT NULL, origin_start INTEGER NOT NULL, origin_end INTEGER NOT NULL,
            relation VARCHAR NOT NULL, credit VARCHAR, attribution_id VARCHAR, match VARCHAR, score DOUBLE,
            group_id VARCHAR
        );
        CREATE TABLE drift (
            group_id VARCHAR NOT NULL,
            upstream_article_id VARCHAR NOT NULL, upstream_start INTEGER NOT NULL, upstream_end INTEGER NOT NULL,
            downstream_article_id VARCHAR NOT NULL, downstream_start INTEGER NOT NULL,
            downstream_end INTEGER NOT NULL, direction VARCHAR NOT NULL,
            upstream_level VARCHAR, downstream_level VARCHAR, upstream_cues VARCHAR[], downstream_cues VARCHAR[]
        );
        CREATE VIEW relay_origins_by_outlet AS
            WITH relayed AS (
                SELECT DISTINCT m.group_id, m.article_id, m."start", m."end"
                FROM claim_group_mentions m
                JOIN relays r ON r.article_id = m.article_id AND r.origin_article_id <> m.article_id
                WHERE r.group_id = m.group_id OR (r."start" < m."end" AND m."start" < r."end")
            )
            SELECT a.outlet, g.origin_name, g.origin_type, f.outlet AS first_outlet,
                   count(DISTINCT m.group_id) AS claims,
                   count(DISTINCT m.article_id) AS articles,
                   count(*) AS mentions,
                   count(x.article_id) AS mentions_relayed_from_stored_articles
            FROM claim_group_mentions m
            JOIN claim_groups g ON g.group_id = m.group_id
            JOIN articles a ON a.id = m.article_id
            LEFT JOIN articles f ON f.id = g.first_article_id
            LEFT JOIN relayed x ON x.group_id = m.group_id AND x.article_id = m.article_id
                               AND x."start" = m."start" AND x."end" = m."end"
            WHERE m.article_id <> g.first_article_id
            GROUP BY ALL;
        CREATE VIEW relays_by_outlet AS
            SELECT a.outlet, o.outlet AS origin_outlet, r.relation,
                   count(*) AS relays, count(DISTINCT r.article_id) AS articles,
                   count(DISTINCT r.origin_article_id) AS origin_articles
            FROM relays r JOIN articles a ON a.id = r.article_id JOIN articles o ON o.id = r.origin_article_id
            GROUP BY ALL;
        CREATE VIEW drift_rate_by_outlet AS
            WITH shared AS (
                SELECT m.article_id, m."start", m."end"
                FROM claim_group_mentions m JOIN claim_groups g ON g.group_id = m.group_id
                WHERE g.articles > 1 AND m.article_id <> g.first_article_id
            ),
            d AS (
                SELECT downstream_article_id AS article_id, downstream_start AS s, downstream_end AS e,
                       bool_or(direction = 'raised') AS raised, bool_or(direction = 'lowered') AS lowered
                FROM drift GROUP BY ALL
            )
            SELECT a.outlet,
                   count(*) AS shared_mentions,
                   count(d.article_id) AS drifted,
                   count(d.article_id) FILTER (WHERE d.raised) AS raised,
                   count(d.article_id) FILTER (WHERE d.lowered) AS lowered,
                   round(count(d.article_id) / count(*), 4) AS drift_rate,
                   round(count(d.article_id) FILTER (WHERE d.raised) / count(*), 4) AS raised_rate
            FROM shared s JOIN articles a ON a.id = s.article_id
            LEFT JOIN d ON d.article_id = s.article_id AND d.s = s."start" AND d.e = s."end"
            GROUP BY a.outlet;
        CREATE VIEW unhedged_share_by_outlet AS
            WITH per AS (
                SELECT a.outlet, m.group_id, m.article_id,
                       bool_and(m.level = 'asserted') AS asserted
                FROM claim_group_mentions m JOIN articles a ON a.id = m.article_id
                GROUP BY ALL
            ),
            qualified AS (
                SELECT DISTINCT m.group_id, m.article_id
                FROM claim_group_mentions m
                WHERE m.level <> 'asserted'
            ),
            contested AS (
                SELECT p.* FROM per p
                WHERE EXISTS (SELECT 1 FROM qualified q WHERE q.group_id = p.group_id AND q.article_id <> p.article_id)
            )
            SELECT outlet,
                   count(*) AS claims_qualified_elsewhere,
                   count(*) FILTER (WHERE asserted) AS carried_unhedged,
                   round(count(*) FILTER (WHERE asserted) / count(*), 4) AS unhedged_share
            FROM contested
            GROUP BY outlet;
        """,
    ),
    (
        6,
        "stories by average link",
        # ``story_articles`` holds the stories of ``corpus.storylinks`` (average link over the pairs the
        # online story finder scored); the finder's own online story, which the claim and relay finders
        # read, moves to ``trace_state.thread``, and the pairs it scored to ``trace_state.links``.  A store
        # traced before has neither: the next trace replays the finder to compute them (``corpus.trace``).
        """
        ALTER TABLE trace_state ADD COLUMN thread VARCHAR;
        ALTER TABLE trace_state ADD COLUMN links BLOB;
        """,
    ),
    (
        7,
        "outlet labels",
        # ``articles.outlet`` is the news outlet an article ran on; where the input's label named none
        # (a columnist, "Guest Writer - Right") and the URL did, the label is kept here.
        """
        ALTER TABLE articles ADD COLUMN outlet_label VARCHAR;
        """,
    ),
)

VIEWS: dict[str, str] = {
    "sources_by_outlet": "attributions per outlet, source type and source name",
    "state_media_share_by_outlet": "share of attributions sourced from or relayed through state media, per outlet",
    "anonymous_source_rate": "share of attributions with an anonymous source, per outlet",
    "hedge_rate": "hedges per 1,000 words and share of articles with a hedge, per outlet",
    "stories": "each story (reportedly trace): label, articles, outlets, first and last dates",
    "copy_rate_by_outlet": "share of each outlet's articles that copy another (same copy or partial reuse), and wire-credited copies",
    "relay_origins_by_outlet": "per outlet, the origins (innermost sources) of the claims it carries that first appeared in another article",
    "relays_by_outlet": "per outlet, the outlets of the stored articles its passages were taken from or credited to, by relation",
    "drift_rate_by_outlet": "per outlet, share of its mentions of claims first carried elsewhere whose certainty drifted (raised or lowered)",
    "unhedged_share_by_outlet": "per outlet, share of the claims another article hedged or attributed that it carries as asserted",
}

CORPUS_TABLES: dict[str, str] = {
    "story_articles": "story_id, article_id: every traced article is in exactly one story",
    "story_labels": "story_id, label_article_id: the story's most central article, whose headline labels it",
    "copies": "article_id reproduces text of source_article_id: kind (same_copy | partial_reuse), share, wire credits",
    "claim_groups": "group_id, text, first_article_id, first_seen, origin_name, origin_type: one claim as it recurs",
    "claim_group_mentions": "group_id, article_id, attribution_id, start, end, level: a claim group's mentions",
    "relays": "article_id, start, end, origin_article_id, origin_start, origin_end, relation: passages taken or credited",
    "drift": "group_id, upstream and downstream passages, direction: one claim stated with different certainty",
}
"""The cross-article tables ``reportedly trace`` writes (``trace_state``, its memory, is internal)."""

# --- columns of the rows we write, in table order ----------------------------
# (name, duckdb type).  A test checks these against the migrated schema.
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "VARCHAR"), ("text_hash", "VARCHAR"), ("text", "VARCHAR"), ("url", "VARCHAR"),
        ("outlet", "VARCHAR"), ("title", "VARCHAR"), ("authors", "VARCHAR[]"), ("published", "VARCHAR"),
        ("origin", "VARCHAR"), ("format", "VARCHAR"), ("n_chars", "INTEGER"), ("n_words", "INTEGER"),
        ("schema", "VARCHAR"), ("version", "VARCHAR"), ("summary", "JSON"), ("extra", "JSON"),
        ("outlet_label", "VARCHAR"),
    ),
    "blocks": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("kind", "VARCHAR"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
    ),
    "entities": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("id", "VARCHAR"), ("name", "VARCHAR"), ("kind", "VARCHAR"),
        ("roles", "VARCHAR[]"), ("role_spans", "JSON"), ("n_mentions", "INTEGER"),
        ("produced_by", "VARCHAR"), ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "mentions": (
        ("article_id", "VARCHAR"), ("entity_id", "VARCHAR"), ("idx", "INTEGER"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
    ),
    "attributions": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("id", "VARCHAR"), ("kind", "VARCHAR"),
        ("source", "JSON"), ("cue", "JSON"), ("content", "JSON"),
        ("source_name", "VARCHAR"), ("source_type", "VARCHAR"), ("source_entity", "VARCHAR"),
        ("addressee", "JSON"), ("addressee_name", "VARCHAR"), ("addressee_entity", "VARCHAR"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("confidence", "DOUBLE"),
        ("produced_by", "VARCHAR"), ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "chains": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("attribution", "VARCHAR"), ("n_hops", "INTEGER"),
        ("origin_name", "VARCHAR"), ("origin_type", "VARCHAR"), ("confidence", "DOUBLE"),
        ("produced_by", "VARCHAR"), ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "hops": (
        ("article_id", "VARCHAR"), ("chain_idx", "INTEGER"), ("idx", "INTEGER"), ("attribution", "VARCHAR"),
        ("name", "VARCHAR"), ("type", "VARCHAR"), ("role", "VARCHAR"), ("start_char", "INTEGER"),
        ("end_char", "INTEGER"), ("entity", "VARCHAR"), ("country", "VARCHAR"), ("state_controlled", "BOOLEAN"),
        ("date", "VARCHAR"), ("confidence", "DOUBLE"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
        ("extra", "JSON"),
    ),
    "credits": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("name", "VARCHAR"), ("kind", "VARCHAR"),
        ("start_char", "INTEGER"), ("end_char", "INTEGER"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
        ("extra", "JSON"),
    ),
    "hedges": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("cue_start", "INTEGER"), ("cue_end", "INTEGER"),
        ("text", "VARCHAR"), ("kind", "VARCHAR"), ("attribution", "VARCHAR"), ("scope_start", "INTEGER"),
        ("scope_end", "INTEGER"), ("lexicon", "VARCHAR"), ("produced_by", "VARCHAR"), ("version", "VARCHAR"),
        ("extra", "JSON"),
    ),
    "voice": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"), ("category", "VARCHAR"), ("lexicon", "VARCHAR"), ("produced_by", "VARCHAR"),
        ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "times": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("text", "VARCHAR"), ("value", "VARCHAR"), ("kind", "VARCHAR"), ("confidence", "DOUBLE"),
        ("produced_by", "VARCHAR"), ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "claims": (
        ("article_id", "VARCHAR"), ("idx", "INTEGER"), ("start_char", "INTEGER"), ("end_char", "INTEGER"),
        ("level", "VARCHAR"), ("attribution", "VARCHAR"), ("cues", "JSON"), ("produced_by", "VARCHAR"),
        ("version", "VARCHAR"), ("extra", "JSON"),
    ),
    "errors": (
        ("origin", "VARCHAR"), ("line", "INTEGER"), ("reason", "VARCHAR"), ("article_id", "VARCHAR"),
        ("stage", "VARCHAR"), ("version", "VARCHAR"),
    ),
}

FINDING_TABLES = tuple(t for t in COLUMNS if t not in {"articles", "errors"})
"""Tables whose rows belong to one article (``article_id``)."""

_ARROW = {
    "VARCHAR": pa.string(),
    "JSON": pa.string(),
    "INTEGER": pa.int32(),
    "BIGINT": pa.int64(),
    "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(),
    "VARCHAR[]": pa.list_(pa.string()),
}

ARROW_SCHEMAS: dict[str, pa.Schema] = {
    t: pa.schema([(c, _ARROW[ty]) for c, ty in cols]) for t, cols in COLUMNS.items()
}
