"""The content: loading (``loader``), the aggregate every module imports (``Kenniskaart``) and
the validator (``checks``)."""

from .checks import CHECKS, Check, named_in_code, run_checks
from .checks.code_ids import LESSON_TIPS
from .issues import ContentInvalid, ContentIssue
from .kenniskaart import Kenniskaart
from .loader import (
    CONTENT_DIR,
    DEFAULT_CONTENT_DIR,
    PROJECT_DIR,
    SEEDS_DIR,
    SHARED_DIR,
    content_dir,
    load_content,
    user_message,
)

__all__ = [
    "CHECKS",
    "CONTENT_DIR",
    "DEFAULT_CONTENT_DIR",
    "LESSON_TIPS",
    "PROJECT_DIR",
    "SEEDS_DIR",
    "SHARED_DIR",
    "Check",
    "ContentInvalid",
    "ContentIssue",
    "Kenniskaart",
    "content_dir",
    "load_content",
    "named_in_code",
    "run_checks",
    "user_message",
]
