"""Seeded generator of SQLAlchemy URL and parts-form connection cases.

Each case is a dict: id, form ("url" or "parts"), dialect (stconn's canonical name), tags (the
features the case exercises, matched against the table of deliberate differences) and either
"url" or "parts". The same seed always yields the same cases, so a disagreement can be replayed.
"""
import random
from urllib.parse import quote

# dialect as written -> (stconn's canonical name, Python drivers, file based)
DIALECTS = [
    ("postgresql", "postgresql", [None, "psycopg2", "pg8000", "psycopg"], False),
    ("mysql", "mysql", [None, "pymysql", "mysqldb"], False),
    ("mariadb", "mariadb", [None, "pymysql", "mariadbconnector"], False),
    ("mssql", "mssql", ["pyodbc"], False),
    ("oracle", "oracle", [None, "cx_oracle", "oracledb"], False),
    ("cockroachdb", "cockroachdb", [None, "psycopg2"], False),
    ("sqlite", "sqlite", [None, "pysqlite"], True),
    ("duckdb", "duckdb", [None], True),
]
PUNCTUATION = list(" !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# characters that change how the URL splits when written raw; each gets its own tag
SPLITTING = {"@": "raw-at", "/": "raw-slash", "?": "raw-question", "#": "raw-hash", ":": "raw-colon",
             "%": "raw-percent", "[": "raw-bracket", "]": "raw-bracket"}
UNICODE = ["é", "日本", "ß", "€", "😀", "ñ"]
HOSTS = ["db.example.com", "127.0.0.1", "localhost", "my-db_1.internal", "10.0.0.5", "DB.Example.COM"]
IPV6 = ["::1", "fe80::1", "2001:db8::42", "fe80::1%25eth0", "fe80::abcd%25en0"]
DATABASES = ["shop", "my_db", "db-1", "Sales", "my db", "my%20db", "café", "a.b", "x+y", "db$1", "123"]
FILES = ["app.db", "data/pets.db", "my db.db", "my%20db.db", "/tmp/stconn_abs.db", ":memory:", "", "./rel/x.duckdb",
         "über.db", "a+b.db", "~/home.db"]
QUERY_KEYS = ["sslmode", "options", "x_opt", "k", "tag", "application_name"]
QUERY_VALUES = ["require", "1", "a b", "a+b", "a%2Bb", "x=y", "é", "-c search_path=s1", ""]


def _secret(rng, tags, who):
    """A user name or password: ordinary, or with special characters written raw or encoded."""
    kind = rng.random()
    base = rng.choice(["scott", "app_user", "Admin", "u1", "tiger", "S3cret"])
    if kind < 0.3:
        return base, base
    chars = [rng.choice(PUNCTUATION + UNICODE) for _ in range(rng.randint(1, 3))]
    value = base + "".join(chars) + rng.choice(["", "x", "9"])
    if kind < 0.7:
        tags.append(who + "-encoded")
        return value, quote(value, safe="")
    raw = value
    for c in chars:
        if c in SPLITTING:
            tags.append(who + "-" + SPLITTING[c])
    tags.append(who + "-raw")
    return value, raw


def _query(rng, tags, dialect):
    pairs = []
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        key = rng.choice(QUERY_KEYS)
        pairs.append((key, rng.choice(QUERY_VALUES)))
    if pairs and rng.random() < 0.15:
        pairs.append((pairs[0][0], rng.choice(QUERY_VALUES[:4])))
    if dialect == "postgresql" and rng.random() < 0.12:
        hosts = rng.sample(["h1", "h2", "h3.example.com"], rng.randint(2, 3))
        pairs += [("host", h + ":" + str(rng.choice([5432, 5433, 6432]))) for h in hosts]
        if rng.random() < 0.5:
            pairs.append(("target_session_attrs", rng.choice(["read-write", "any", "read-only", "primary"])))
        tags.append("multihost")
    if dialect == "postgresql" and rng.random() < 0.03:
        pairs.append(("host", "/var/run/postgresql"))
        tags.append("unix-socket")
    if dialect == "oracle" and rng.random() < 0.3:
        pairs.append(("service_name", rng.choice(["ORCLPDB1", "sales.example.com"])))
        tags.append("oracle-service-name")
    if any(v == "" for _, v in pairs):
        tags.append("query-empty-value")
    keys = [k for k, v in pairs if v != "" and k != "host"]
    if len(keys) != len(set(keys)):
        tags.append("query-repeated-key")
    return pairs


def _encode_query(pairs):
    return "&".join(quote(k, safe="") + "=" + quote(v, safe="/:") for k, v in pairs)


def url_case(rng, number):
    written, dialect, drivers, file_based = rng.choice(DIALECTS)
    driver = rng.choice(drivers)
    tags = ["dialect-" + dialect] + (["driver-" + driver] if driver else [])
    name = written + ("+" + driver if driver else "")
    if file_based:
        path = rng.choice(FILES)
        if "%" in path:
            tags.append("file-percent")
        url = name + ":///" + path if path and not path.startswith("/") else name + "://" + ("/" + path if path else "")
        if rng.random() < 0.2:
            url = name + "://"
            tags.append("file-no-path")
        pairs = _query(rng, tags, dialect) if rng.random() < 0.2 else []
        url += ("?" + _encode_query(pairs)) if pairs else ""
        return {"id": "u%05d" % number, "form": "url", "dialect": dialect, "url": url, "tags": tags}
    login = ""
    if rng.random() < 0.85:
        user, user_written = _secret(rng, tags, "user")
        login = user_written
        if rng.random() < 0.85:
            _, password_written = _secret(rng, tags, "password")
            login += ":" + password_written
        login += "@"
    if rng.random() < 0.15:
        host = "[" + rng.choice(IPV6) + "]"
        tags.append("ipv6")
        if "%" in host:
            tags.append("ipv6-zone")
    elif rng.random() < 0.03:
        host = ""
        tags.append("no-host")
    else:
        host = rng.choice(HOSTS)
    port = ""
    if rng.random() < 0.6:
        port = ":" + str(rng.choice([5432, 3306, 1521, 1433, 26257, 6543, 1, 65535]))
    elif rng.random() < 0.03:
        port = ":x1"
        tags.append("bad-port")
    database = ""
    if rng.random() < 0.85:
        db = rng.choice(DATABASES)
        database = "/" + db
        if "%" in db:
            tags.append("database-percent")
    pairs = _query(rng, tags, dialect)
    if dialect == "oracle":
        tags.append("oracle-sid" if database else "oracle-no-database")
    url = name + "://" + login + host + port + database + (("?" + _encode_query(pairs)) if pairs else "")
    return {"id": "u%05d" % number, "form": "url", "dialect": dialect, "url": url, "tags": tags}


def parts_case(rng, number):
    written, dialect, drivers, file_based = rng.choice(DIALECTS)
    tags = ["parts", "dialect-" + dialect] + (["parts-file-database"] if file_based else [])
    parts = {"dialect": written}
    driver = rng.choice(drivers)
    if driver:
        parts["driver"] = driver
    if file_based:
        parts["database"] = rng.choice([f for f in FILES if f])
        if "%" in parts["database"]:
            tags.append("file-percent")
        # Streamlit requires username and host even for file databases
        if rng.random() < 0.5:
            parts["username"] = "u"
            parts["host"] = "localhost"
        else:
            tags.append("parts-missing-required")
        return {"id": "p%05d" % number, "form": "parts", "dialect": dialect, "parts": parts, "tags": tags}
    parts["username"], _ = _secret(rng, tags, "user")
    tags[:] = [t.replace("-encoded", "-special") for t in tags if not t.endswith("-raw") and "-raw-" not in t]
    if rng.random() < 0.05:
        parts["username"] = None  # Streamlit requires a user name even where the database takes none
        tags.append("parts-missing-required")
    if rng.random() < 0.85:
        parts["password"] = rng.choice(["tiger", "p@ss:w/rd?#", "50%off", "é€ 😀", "a b", "x%41y", "semi;colon"])
    roll = rng.random()
    if roll < 0.1:
        parts["host"] = rng.choice(IPV6).replace("%25", "%")
        tags.append("ipv6")
        if "%" in parts["host"]:
            tags.append("ipv6-zone")
    elif roll < 0.2:
        parts["host"] = rng.choice(HOSTS) + ":" + str(rng.choice([5432, 3306, 6543]))
        tags.append("parts-host-with-port")
    elif roll < 0.22:
        tags.append("parts-missing-required")
    else:
        parts["host"] = rng.choice(HOSTS)
    if rng.random() < 0.6:
        parts["port"] = rng.choice([5432, 3306, 1521, 1433, 26257, 6543, "5433"])
    if rng.random() < 0.85:
        parts["database"] = rng.choice(DATABASES)
        if "%" in parts["database"]:
            tags.append("database-percent")
    pairs = _query(rng, tags, dialect)
    if dialect == "oracle":
        tags.append("oracle-sid" if parts.get("database") else "oracle-no-database")
    if pairs:
        query = {}
        for key, value in pairs:
            if key in query:
                query[key] = (query[key] if isinstance(query[key], list) else [query[key]]) + [value]
                tags.append("query-array" if key != "host" else "multihost")
            else:
                query[key] = value
        parts["query"] = query
    parts = {k: v for k, v in parts.items() if v is not None}
    return {"id": "p%05d" % number, "form": "parts", "dialect": dialect, "parts": parts, "tags": sorted(set(tags))}


def cases(seed, count):
    rng = random.Random(seed)
    result = []
    for number in range(count):
        result.append(parts_case(rng, number) if rng.random() < 0.3 else url_case(rng, number))
    return result
