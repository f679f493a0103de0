"""A child process that reads PDF, HTML and Word files under limits of time and memory.

pdfminer, trafilatura and python-docx are pure Python over hostile input: a 195 KB PDF can hold
a 200 MB content stream, or one page of overlapping letters whose layout analysis runs for an
hour, and a .docx (a zip) can unpack to gigabytes. In a child process such a file can be
stopped: its address space is limited (``RLIMIT_AS``), each file and each PDF page has a time
limit (a timer in the child, and the parent kills a child that overruns it anyway), and a child
that dies takes nothing with it; the next file gets a new one.

The child is started with ``subprocess`` (a fork and exec, safe from a threaded web server,
unlike a bare fork), once per ingest and reused for each file, so ordinary ingest pays one
start (about 0.1 s) and the readers' imports once, as it would in process. It ends when its
parent closes the pipe or dies. Where there is no ``resource`` module (not POSIX) files are
read in process, with the limits that need no child (sizes)."""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import subprocess
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

from .errors import FormatError
from .limits import Limits

__all__ = ["Sandbox", "extract"]

log = logging.getLogger("baggrund")

MiB = 1 << 20
_GRACE = 5.0  # seconds the parent waits past the child's own timer before it kills it
# Start the child without running baggrund/__init__ (which imports the whole library): a
# package object for baggrund's folder, then only the readers' modules are imported.
_BOOT = (
    "import sys, types; p = types.ModuleType('baggrund'); p.__path__ = [sys.argv[1]];"
    " sys.modules['baggrund'] = p; from baggrund.sandbox import serve; serve(*sys.argv[2:])"
)


class Overtime(BaseException):
    """Raised in the child by its timer. A BaseException, so that the readers' ``except
    Exception`` around broken input does not turn it into 'damaged file'."""


def extract(kind: str, data: bytes, limits: Limits, before_page=None) -> tuple[str, list[str]]:
    """The text of a file of ``kind`` (``pdf``, ``html``, ``docx``) and warnings, in this
    process. Raises :class:`FormatError`."""
    if kind == "pdf":
        from .pdf import pdf_text

        return pdf_text(data, before_page=before_page, content_limit=limits.page_content_bytes)
    if kind == "docx":
        from .worddoc import docx_text

        return docx_text(data, max_unpacked=limits.max_bytes), []
    from .webpage import html_text

    return html_text(data), []


class Sandbox:
    """Reads files in a child process under ``limits``; a context manager (closing ends the
    child). :meth:`extract` raises :class:`FormatError` for a file that is unreadable or
    exceeds a limit."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self._child: subprocess.Popen | None = None
        self._send: Connection | None = None
        self._receive: Connection | None = None
        self._in_process = not self.available()

    def __enter__(self) -> Sandbox:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @staticmethod
    def available() -> bool:
        try:
            import resource  # noqa: F401
        except ImportError:
            return False
        return bool(sys.executable)

    def extract(
        self, kind: str, data: bytes, limits: Limits | None = None
    ) -> tuple[str, list[str]]:
        """The text of a file of ``kind`` and warnings, read under ``limits`` (those of the
        sandbox by default; its memory limit is the one it was started with)."""
        limits = limits or self.limits
        if self._child is None and not self._in_process:
            try:
                self._start()
            except OSError as exc:  # e.g. sys.executable is not a Python that can be run
                log.warning("cannot start a reading process (%s): PDF, HTML and Word files are"
                            " read in this process, without time and memory limits", exc)  # fmt: skip
                self._in_process = True
        if self._in_process:
            return extract(kind, data, limits)
        child, send, receive = self._child, self._send, self._receive
        assert child is not None and send is not None and receive is not None  # _start made them
        try:
            send.send_bytes(pickle.dumps((kind, limits)))
            send.send_bytes(data)
        except OSError:  # the child died before it could take the file
            self.close()
            raise FormatError(_died_message(None)) from None
        if not receive.poll(limits.rich_seconds + _GRACE):
            self.close(kill=True)
            raise FormatError(_overtime_message(limits.rich_seconds))
        try:
            status, *result = pickle.loads(receive.recv_bytes())
        except (EOFError, OSError):
            code = child.wait()
            self.close()
            raise FormatError(_died_message(code, limits)) from None
        if status == "ok":
            text, warnings = result
            return text, warnings
        if status == "exit":  # the child is spent (out of memory): start a new one next time
            self.close()
        raise FormatError(result[0])

    def _start(self) -> None:
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        package = str(Path(__file__).resolve().parent)
        try:
            args = (package, to_child, from_child, self.limits.rich_memory, os.getpid())
            self._child = subprocess.Popen(
                [sys.executable, "-c", _BOOT, *map(str, args)],
                pass_fds=(to_child, from_child),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                close_fds=True,
            )
        except BaseException:
            os.close(from_parent)
            os.close(to_parent)
            raise
        finally:
            os.close(to_child)
            os.close(from_child)
        self._send = Connection(from_parent, readable=False)
        self._receive = Connection(to_parent, writable=False)

    def close(self, kill: bool = False) -> None:
        """End the child: it exits when its pipe closes (``kill``: at once)."""
        for conn in (self._send, self._receive):
            if conn is not None:
                conn.close()
        self._send = self._receive = None
        if self._child is not None:
            if kill:
                self._child.kill()
            if self._child.poll() is None:
                try:
                    self._child.wait(timeout=1.0)
                except subprocess.TimeoutExpired:
                    self._child.kill()
                    self._child.wait()
            self._child = None


def _overtime_message(seconds: float) -> str:
    return f"reading took longer than {seconds:g} s, the limit for one file; not ingested"


def _died_message(code: int | None, limits: Limits | None = None) -> str:
    if code is not None and code < 0:
        name = signal.Signals(-code).name if -code in signal.valid_signals() else str(-code)
        if name == "SIGKILL" and limits is not None:  # the kernel's out-of-memory killer
            return (
                f"the reader was killed ({name}) while reading this file (out of memory? the"
                f" limit is {limits.rich_memory // MiB:,} MiB); not ingested"
            )
        return f"the reader crashed ({name}) on this file; not ingested"
    return "the reader stopped unexpectedly on this file; not ingested"


# -- the child ----------------------------------------------------------------------------------


def _die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this process when its parent dies (PR_SET_PDEATHSIG); a parent
    that died before that is seen from the parent pid."""
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    if os.getppid() != parent:
        os._exit(0)


class _Timer:
    """One real-time timer for the whole file and for each PDF page."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.deadline = time.monotonic() + limits.rich_seconds
        self.page: int | None = None
        signal.signal(signal.SIGALRM, self._ring)
        signal.setitimer(signal.ITIMER_REAL, limits.rich_seconds)

    def before_page(self, number: int) -> None:
        self.page = number
        left = self.deadline - time.monotonic()
        if left <= 0:
            self._ring()
        signal.setitimer(signal.ITIMER_REAL, min(self.limits.page_seconds, left))

    def _ring(self, *_args) -> None:
        if self.page is not None and time.monotonic() < self.deadline:
            raise Overtime(
                f"reading page {self.page} took longer than {self.limits.page_seconds:g} s,"
                " the limit for one page; not ingested"
            )
        raise Overtime(_overtime_message(self.limits.rich_seconds))

    def stop(self) -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _answer(kind: str, data: bytes, limits: Limits) -> tuple:
    timer = _Timer(limits)
    try:
        text, warnings = extract(kind, data, limits, before_page=timer.before_page)
        return ("ok", text, warnings)
    except Overtime as exc:
        return ("error", str(exc))
    except FormatError as exc:
        return ("error", str(exc))
    except MemoryError:
        message = f"reading needs more than {limits.rich_memory // MiB:,} MiB of memory, the limit"
        return ("exit", message + " for one file; not ingested")
    except RecursionError:
        return ("error", "not readable: its structure is nested too deeply")
    except Exception as exc:  # a reader's own bug on strange input: one line, not a traceback
        return ("error", f"not readable: the reader failed ({type(exc).__name__})")
    finally:
        timer.stop()


def serve(from_parent: str, to_parent: str, memory: str, parent: str) -> None:
    """The child's loop: a file in, its text (or the error) out, until the pipe closes."""
    import resource

    _die_with_parent(int(parent))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    logging.disable(logging.CRITICAL)  # pdfminer and trafilatura talk about broken input
    if int(memory) > 0:
        resource.setrlimit(resource.RLIMIT_AS, (int(memory), int(memory)))
    receive = Connection(int(from_parent), writable=False)
    send = Connection(int(to_parent), readable=False)
    while True:
        try:
            kind, limits = pickle.loads(receive.recv_bytes())
            data = receive.recv_bytes()
        except (EOFError, OSError):
            return
        try:
            reply = _answer(kind, data, limits)
        except Overtime as exc:  # the timer rang just as the file was done
            reply = ("error", str(exc))
        del data
        try:
            send.send_bytes(pickle.dumps(reply, protocol=5))
        except (OSError, MemoryError):
            return
        if reply[0] == "exit":
            return
