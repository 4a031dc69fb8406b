"""A small client of the review desk for the tests: starts `powerlist serve` on a free port,
talks JSON and multipart to it, and stops or kills it."""
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import time
import uuid


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


class Desk:
    def __init__(self, binary, data, listen_host="127.0.0.1", port=None, extra=()):
        self.binary, self.data = binary, data
        self.port = port or free_port()
        self.listen_host = listen_host
        self.proc = subprocess.Popen(
            [binary, "serve", "--data", data, "--listen", f"{listen_host}:{self.port}", *extra],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        line = self.proc.stdout.readline()
        if "http://" not in line:
            raise RuntimeError("desk did not start: " + line + self.proc.stdout.read())
        self.url = re.search(r"http://\S+?/", line).group(0)
        self.cookie = ""
        self.csrf = ""

    def request(self, method, path, body=None, headers=None, raw=False):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        h = {"Host": f"127.0.0.1:{self.port}"}
        if self.cookie:
            h["Cookie"] = self.cookie
        if method != "GET" and self.csrf:
            h["X-CSRF-Token"] = self.csrf
        if isinstance(body, dict):
            body = json.dumps(body, ensure_ascii=False).encode()
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        conn.request(method, path, body=body, headers=h)
        res = conn.getresponse()
        data = res.read()
        conn.close()
        if raw:
            return res.status, data, res
        ctype = res.getheader("Content-Type") or ""
        return res.status, (json.loads(data) if ctype.startswith("application/json") else data)

    def session(self):
        status, s = self.request("GET", "/api/session")
        self.csrf = s["csrf"]
        return s

    def login(self, user, password):
        self.session()
        status, data, res = self.request("POST", "/api/login", {"user": user, "password": password},
                                         raw=True)
        if status == 200:
            cookie = res.getheader("Set-Cookie")
            self.cookie = cookie.split(";")[0]
            self.csrf = json.loads(data)["csrf"]
            return cookie
        return None

    def upload(self, files, department=None):
        boundary = uuid.uuid4().hex
        parts = []
        for name, content in files:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
                         f'filename="{name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
                         .encode() + content + b"\r\n")
        if department is not None:
            parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="department"'
                         f'\r\n\r\n{department}\r\n'.encode())
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request("POST", "/api/submissions", body,
                            {"Content-Type": f"multipart/form-data; boundary={boundary}"})

    def wait_checked(self, sid, timeout=300):
        end = time.time() + timeout
        while time.time() < end:
            status, s = self.request("GET", f"/api/submissions/{sid}")
            if s["state"] != "checking":
                return s
            time.sleep(0.3)
        raise RuntimeError(f"submission {sid} still checking")

    def stop(self):
        # A check under way is finished first: minutes in the sanitizer build.
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=300)

    def kill(self):
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=30)
