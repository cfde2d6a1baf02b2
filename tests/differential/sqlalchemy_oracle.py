"""What SQLAlchemy makes of each generated case: make_url / URL.create as Streamlit calls them,
then, where the dialect module imports, the dialect's own create_connect_args.

Usage: sqlalchemy_oracle.py SEED COUNT PROJECT_DIR  -> one JSON object per line on stdout.
Relative sqlite paths resolve against PROJECT_DIR, the directory a Streamlit app runs from.
"""
import json
import os
import sys
import warnings

import sqlalchemy
from sqlalchemy.engine import URL, make_url

import url_cases

warnings.simplefilter("ignore")

# the dialect whose create_connect_args decides, when the one written has no module here:
# sqlalchemy-cockroachdb builds on the psycopg2 dialect, and 1.4 reads every oracle driver as cx_Oracle
CONNECT_DIALECT = {"cockroachdb": "postgresql+psycopg2", "oracle": "oracle+cx_oracle",
                   "mysql": "mysql+pymysql", "mariadb": "mariadb+pymysql", "postgresql": "postgresql+psycopg2",
                   "mssql": "mssql+pyodbc", "sqlite": "sqlite+pysqlite"}


class OracleDsn:
    """Stands in for cx_Oracle's makedsn only, so that the dialect's own logic picks SID or service."""

    @staticmethod
    def makedsn(host, port, sid=None, service_name=None):
        return {"host": host, "port": port, "sid": sid, "service_name": service_name}


def plain(value):
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)


def url_of(case):
    if case["form"] == "url":
        return make_url(case["url"])
    parts = case["parts"]
    for required in ("dialect", "username", "host"):  # Streamlit's SQLConnection requires these
        if required not in parts:
            raise ValueError("StreamlitAPIException: Missing SQL DB connection param: " + required)
    drivername = parts["dialect"] + ("+" + parts["driver"] if "driver" in parts else "")
    return URL.create(drivername=drivername, username=parts["username"], password=parts.get("password"),
                      host=parts["host"], port=int(parts["port"]) if "port" in parts else None,
                      database=parts.get("database"), query=parts.get("query", {}))


def connect_args(case, url):
    name = CONNECT_DIALECT.get(case["dialect"])
    if name is None:
        return None
    dialect = url.set(drivername=name).get_dialect()()
    if case["dialect"] == "oracle":
        dialect.dbapi = OracleDsn
    args, kwargs = dialect.create_connect_args(url.set(drivername=name))
    return {"args": plain(list(args)), "kwargs": plain(kwargs)}


def answer(case):
    result = {"id": case["id"]}
    try:
        url = url_of(case)
    except Exception as e:  # what Streamlit shows the user: the app cannot connect
        result["error"] = type(e).__name__ + ": " + str(e)
        return result
    result["url"] = {"drivername": url.drivername, "username": url.username, "password": url.password,
                     "host": url.host, "port": url.port, "database": url.database, "query": plain(dict(url.query))}
    try:
        result["connect"] = connect_args(case, url)
    except Exception as e:
        result["connectError"] = type(e).__name__ + ": " + str(e)
    return result


def main():
    seed, count, project = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    os.chdir(project)
    print(json.dumps({"sqlalchemy": sqlalchemy.__version__}))
    for case in url_cases.cases(seed, count):
        line = dict(case)
        line["sqlalchemy"] = answer(case)
        print(json.dumps(line, ensure_ascii=False))


if __name__ == "__main__":
    main()
