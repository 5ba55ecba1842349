"""Public registers as one facility: a register is declared as data (`Register`, `Column`, `Basis`),
its entries are written only through `enter` / `change` / `end` (which keep the append-only
history), and the past is asked with `as_of` / `entry_as_of` / `standing`. One page, one export and
one API (`casework.registers.views`, `.export`, `.api`) serve every declared register."""

from .declaration import (
    CERTIFICATE,
    CHANGE,
    CODES,
    CONTAINS,
    DATE,
    END,
    ENTER,
    EXACT,
    STATUS,
    TEXT,
    Basis,
    Column,
    Register,
    UndeclaredBasis,
    UnknownRegister,
    get,
    registers,
)
from .entries import DuplicateEntry, change, current, end, enter, natural_key
from .history import Standing, as_of, effective_status, entry_as_of, history, standing

__all__ = [
    "CERTIFICATE",
    "CHANGE",
    "CODES",
    "CONTAINS",
    "DATE",
    "END",
    "ENTER",
    "EXACT",
    "STATUS",
    "TEXT",
    "Basis",
    "Column",
    "DuplicateEntry",
    "Register",
    "Standing",
    "UndeclaredBasis",
    "UnknownRegister",
    "as_of",
    "change",
    "current",
    "effective_status",
    "end",
    "enter",
    "entry_as_of",
    "get",
    "history",
    "natural_key",
    "registers",
    "standing",
]
