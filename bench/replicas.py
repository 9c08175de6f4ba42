"""Scale-out tried locally: K app processes behind nginx with sticky sessions, under the
protocol load generator.

    python bench/replicas.py --replicas 2 --sessions 100          # needs /usr/sbin/nginx
    python bench/replicas.py --replicas 2 --sessions 100 --print-config

Starts K ``streamlit run app.py`` processes on free 127.0.0.1 ports, writes an nginx
configuration (the one in bench/README.md's recipe) to a temporary directory, runs nginx in
the foreground on another free loopback port, then runs ``load_protocol.py --url <nginx>
--server-pid <every replica>`` (so CPU and RSS are summed over the replicas) with the options
given after ``--``, and stops everything. Loopback only; nothing is installed or left
running. ``--print-config`` prints the generated nginx configuration.

Stickiness: a browser must stay on the process that holds its Streamlit session (reconnects,
uploads and ``/media`` files live in that process). ``ip_hash`` would send a whole room
behind one municipal NAT address (and this load generator, all on 127.0.0.1) to a single
replica, so the configuration hashes on a route cookie instead: the first response sets
``kk_route`` to a random id, and every later request (HTML, websocket) of that browser is
hashed on it to the same replica (``hash ... consistent``; open-source nginx, no plus module).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import StreamlitServer, free_port  # noqa: E402
from load_protocol import SERVER_ARGS  # noqa: E402

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"

CONFIG = """\
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log warn;
events {{ worker_connections 8192; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;

    # Sticky sessions on a route cookie (not ip_hash: a room shares one NAT address).
    map $cookie_kk_route $kk_route {{
        ""      $request_id;
        default $cookie_kk_route;
    }}
    map $http_upgrade $connection_upgrade {{
        default upgrade;
        ""      close;
    }}
    upstream kenniskaart {{
        hash $kk_route consistent;
{servers}
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://kenniskaart;
            proxy_http_version 1.1;
            # $http_host keeps the port: Streamlit compares the websocket's Origin with Host.
            proxy_set_header Host $http_host;
            proxy_set_header Upgrade $http_upgrade;
            proxy_set_header Connection $connection_upgrade;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_read_timeout 1h;
            proxy_send_timeout 1h;
            proxy_buffering off;
            add_header Set-Cookie "kk_route=$kk_route; Path=/; HttpOnly; SameSite=Lax" always;
        }}
    }}
}}
"""


def nginx_config(tmp: Path, port: int, backends: list[int]) -> str:
    servers = "\n".join(f"        server 127.0.0.1:{p};" for p in backends)
    return CONFIG.format(tmp=tmp, port=port, servers=servers)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    rest: list[str] = []
    if "--" in argv:
        i = argv.index("--")
        argv, rest = argv[:i], argv[i + 1:]
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--replicas", type=int, default=2)
    ap.add_argument("--sessions", type=int, default=100)
    ap.add_argument("--app", default="app.py")
    ap.add_argument("--print-config", action="store_true")
    args = ap.parse_args(argv)
    if not Path(NGINX).exists():
        print("nginx is not installed (Debian: apt-get install -y nginx-light)", file=sys.stderr)
        return 2
    servers = [StreamlitServer(args.app, extra_args=SERVER_ARGS) for _ in range(args.replicas)]
    tmp = Path(tempfile.mkdtemp(prefix="kk-nginx-"))
    nginx = None
    try:
        for s in servers:
            s.start()
        # warm every replica directly (imports, the content cache), as the lead's warm-up does
        import asyncio

        from load_protocol import build_walk, cpu_walk, Procs, shared_link_query

        walk = build_walk("facilitator", shared_link_query())
        for s in servers:
            asyncio.run(cpu_walk(s.url, Procs([s.pid]), walk, False, 0.0, 0, 120))
        port = free_port()
        conf = nginx_config(tmp, port, [s.port for s in servers])
        (tmp / "nginx.conf").write_text(conf)
        if args.print_config:
            print(conf)
        nginx = subprocess.Popen([NGINX, "-c", str(tmp / "nginx.conf"), "-p", str(tmp), "-g", "daemon off;"],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or nginx.poll() is not None:
                    err = nginx.stderr.read().decode() if nginx.poll() is not None else ""
                    raise RuntimeError(f"nginx did not come up: {err[-500:]}")
                time.sleep(0.2)
        print(f"# {args.replicas} replicas ({', '.join(str(s.port) for s in servers)}) behind nginx at {url}")
        from load_protocol import main as load_main

        pids = [a for s in servers for a in ("--server-pid", str(s.pid))]
        rc = load_main(["--url", url, *pids, "--sessions", str(args.sessions), *rest])
        # how the sessions were spread over the replicas: their RSS growth is a fair proxy
        for s in servers:
            print(f"# replica :{s.port} pid {s.pid}: VmRSS {s.rss_kb() / 1024:.0f} MB, CPU {s.cpu_s():.1f} s")
        return rc
    finally:
        if nginx is not None and nginx.poll() is None:
            nginx.terminate()
            try:
                nginx.wait(10)
            except subprocess.TimeoutExpired:
                nginx.kill()
        for s in servers:
            s.stop()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
