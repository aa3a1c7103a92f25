"""A tiny, safe condition language for `show_if` (own tokenizer + recursive descent; never `eval`).

Grammar::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | comparison
    comparison := operand (("==" | "!=" | "<" | "<=" | ">" | ">=" | "in" | "not" "in") operand)?
    operand    := ID | STRING | NUMBER | true | false | "[" literals "]" | "(" expr ")"
                | "answered" "(" ID ")"

A bare operand is tested for truthiness (answered and not false/empty/zero). Strings have no escapes:
quote with "..." a value that holds an apostrophe.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from capnum_desktop.domain.grid import Grid

MAX_LENGTH = 2000
MAX_DEPTH = 40
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]{0,63}$")


class ConditionError(ValueError):
    """A condition that cannot be parsed; `column` is 1-based."""

    def __init__(self, message: str, column: int = 1) -> None:
        super().__init__(f"{message} (column {column})")
        self.message = message
        self.column = column


_TOKEN_RE = re.compile(
    r"""(?P<ws>\s+)
      | (?P<number>\d+(?:\.\d+)?)
      | (?P<string>'[^'\n]*'|"[^"\n]*")
      | (?P<name>[A-Za-z_][A-Za-z0-9_]*)
      | (?P<op>==|!=|<=|>=|<|>|\(|\)|\[|\]|,|-)
      | (?P<bad>\*\*|//|[+*/%@.:=!&|^~{}`\\;$?#'"]|\S)""",
    re.VERBOSE,
)

_BOOLS = {"true": True, "True": True, "false": False, "False": False}
_KEYWORDS = {"and", "or", "not", "in", *_BOOLS}
_FORBIDDEN_WORDS = {
    "lambda": "lambda expressions are not allowed",
    "for": "comprehensions are not allowed",
    "if": "conditional expressions (a if b else c) are not allowed",
    "else": "conditional expressions (a if b else c) are not allowed",
    "is": "'is' is not allowed; use == or !=",
    "None": "None is not allowed; use answered(id) or not answered(id)",
    "null": "null is not allowed; use answered(id) or not answered(id)",
    **{word: f"'{word}' is not allowed" for word in ("import", "await", "yield", "del", "global")},
}
_BAD_CHARS = {
    ".": "attribute access is not allowed",
    "=": "assignment is not allowed; use == to compare",
    ":": "':' is not allowed here",
    **dict.fromkeys("{}", "dictionaries and sets are not allowed"),
}


@dataclass(frozen=True)
class _Tok:
    kind: str  # number | string | name | op | end
    text: str
    col: int
    value: object = None


def _earlier_forbidden(tokens: list[_Tok]) -> None:
    for tok in tokens:
        if tok.kind == "name" and tok.text in _FORBIDDEN_WORDS:
            raise ConditionError(_FORBIDDEN_WORDS[tok.text], tok.col)
        if tok.kind == "name" and tok.text.startswith("_"):
            raise ConditionError(f"names starting with '_' are not allowed: '{tok.text}'", tok.col)


def _tokenize(source: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    pos = 0
    while pos < len(source):
        m = _TOKEN_RE.match(source, pos)
        assert m is not None  # the `bad` group matches any non-space character
        kind, text, col, pos = m.lastgroup or "bad", m.group(), pos + 1, m.end()
        if kind == "ws":
            continue
        if kind == "bad":
            _earlier_forbidden(tokens)
            if text in ("'", '"'):
                raise ConditionError("unterminated string", col)
            if text in ("+", "*", "/", "%", "**", "//", "@"):
                raise ConditionError(f"arithmetic operator '{text}' is not allowed", col)
            if text in ("&", "|", "^", "~"):
                raise ConditionError(f"bitwise operator '{text}' is not allowed; use and/or/not", col)
            raise ConditionError(_BAD_CHARS.get(text, f"unexpected character {text!r}"), col)
        if kind == "string":
            if tokens and tokens[-1].kind == "name" and tokens[-1].col + len(tokens[-1].text) == col:
                prefix = tokens[-1].text
                raise ConditionError(f"prefixed strings ({prefix}'...', f-strings) are not allowed", col - 1)
            tokens.append(_Tok("string", text, col, text[1:-1]))
        elif kind == "number":
            tokens.append(_Tok("number", text, col, float(text) if "." in text else int(text)))
        else:
            tokens.append(_Tok(kind, text, col))
    tokens.append(_Tok("end", "", len(source) + 1))
    return tokens


# A node is a tuple: ("lit", value) | ("ref", id) | ("answered", id) | ("not", node)
# | ("and" | "or", (node, ...)) | ("cmp", op, left, right)
_Node = tuple[Any, ...]


def _eval(node: _Node, answers: Mapping[str, object]) -> object:
    kind = node[0]
    if kind == "lit":
        return node[1]
    if kind == "ref":
        return answers.get(node[1])
    if kind == "answered":
        return _truthy_answer(answers.get(node[1]))
    if kind == "not":
        return not _truthy(_eval(node[1], answers))
    if kind == "and":
        return all(_truthy(_eval(o, answers)) for o in node[1])
    if kind == "or":
        return any(_truthy(_eval(o, answers)) for o in node[1])
    return _compare(node[1], _eval(node[2], answers), _eval(node[3], answers))


def _truthy_answer(value: object) -> bool:
    return value is not None and value != "" and value != []


def _truthy(value: object) -> bool:
    return value is not None and value is not False and value not in ("", 0, [], ())


def _is_num(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _equal(a: object, b: object) -> bool:
    if _is_num(a) and _is_num(b):
        return a == b
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return sorted(map(str, a)) == sorted(map(str, b))
    return type(a) is type(b) and a == b


_ORDER: dict[str, Callable[[Any, Any], bool]] = {"<": operator.lt, "<=": operator.le, ">": operator.gt}
_ORDER[">="] = operator.ge


def _ordered(op: str, a: object, b: object) -> bool:
    both_numbers = _is_num(a) and _is_num(b)
    return (both_numbers or (isinstance(a, str) and isinstance(b, str))) and _ORDER[op](a, b)


def _contains(item: object, container: object) -> bool:
    if isinstance(container, str):
        return isinstance(item, str) and item in container
    if isinstance(container, list | tuple):
        if isinstance(item, list | tuple):  # a multi-choice answer: any selected value
            return any(_contains(i, container) for i in item)
        return any(_equal(item, c) for c in container)
    return False


def _compare(op: str, a: object, b: object) -> bool:
    if a is None or b is None:
        return op in ("!=", "not in")
    if op in ("==", "!="):
        return _equal(a, b) == (op == "==")
    if op in ("in", "not in"):
        return _contains(a, b) == (op == "in")
    return _ordered(op, a, b)


_COMPARE_OPS = {"==", "!=", "<", "<=", ">", ">="}


class _Parser:
    def __init__(self, tokens: list[_Tok], known_ids: Collection[str] | None) -> None:
        self.tokens, self.pos, self.depth = tokens, 0, 0
        self.known_ids = known_ids
        self.refs: set[str] = set()

    @property
    def tok(self) -> _Tok:
        return self.tokens[self.pos]

    def at(self, kind: str, *texts: str, offset: int = 0) -> bool:
        tok = self.tokens[min(self.pos + offset, len(self.tokens) - 1)]
        return tok.kind == kind and (not texts or tok.text in texts)

    def advance(self) -> _Tok:
        self.pos += 1
        return self.tokens[self.pos - 1]

    def fail(self, message: str, tok: _Tok | None = None) -> ConditionError:
        return ConditionError(message, (tok or self.tok).col)

    def found(self) -> str:
        return "end of condition" if self.tok.kind == "end" else f"'{self.tok.text}'"

    def nested(self, fn: Callable[[], _Node]) -> _Node:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail("condition is nested too deeply")
        try:
            return fn()
        finally:
            self.depth -= 1

    def parse(self) -> _Node:
        if self.at("end"):
            raise self.fail("empty condition")
        node = self.chain("or")
        if not self.at("end"):
            raise self.fail(_FORBIDDEN_WORDS.get(self.tok.text, f"unexpected {self.found()}"))
        return node

    def chain(self, op: str) -> _Node:
        sub = (lambda: self.chain("and")) if op == "or" else self.not_expr
        operands = [sub()]
        while self.at("name", op):
            self.advance()
            operands.append(sub())
        return operands[0] if len(operands) == 1 else (op, tuple(operands))

    def not_expr(self) -> _Node:
        if self.at("name", "not"):
            self.advance()
            return ("not", self.nested(self.not_expr))
        return self.comparison()

    def comparison(self) -> _Node:
        left = self.operand()
        if self.at("op", *_COMPARE_OPS) or self.at("name", "in"):
            op = self.advance().text
        elif self.at("name", "not") and self.at("name", "in", offset=1):
            self.pos += 2
            op = "not in"
        else:
            return left
        right = self.operand()
        if self.at("op", *_COMPARE_OPS) or self.at("name", "in"):
            raise self.fail("chained comparisons are not allowed; combine them with 'and'")
        return ("cmp", op, left, right)

    def operand(self) -> _Node:
        tok = self.tok
        if self.at("op", "("):
            self.advance()
            node = self.nested(lambda: self.chain("or"))
            if not self.at("op", ")"):
                raise self.fail(f"expected ')', found {self.found()}")
            self.advance()
            return node
        if self.at("op", "["):
            return self.trailer(("lit", self.list_literal()))
        if self.at("op", "-") or tok.kind in ("string", "number"):
            return self.trailer(("lit", self.literal()))
        if tok.kind != "name":
            raise self.fail(f"expected a value, found {self.found()}")
        self.advance()
        if tok.text in _FORBIDDEN_WORDS:
            raise self.fail(_FORBIDDEN_WORDS[tok.text], tok)
        if tok.text in _BOOLS:
            return self.trailer(("lit", _BOOLS[tok.text]))
        if tok.text in _KEYWORDS:
            raise self.fail(f"expected a value, found '{tok.text}'", tok)
        if tok.text == "answered" and self.at("op", "("):
            self.advance()
            arg = self.advance()
            if arg.kind != "name" or arg.text in _KEYWORDS:
                raise self.fail("answered() takes one question id", arg)
            self.check_id(arg)
            if not self.at("op", ")"):
                raise self.fail(f"expected ')' after the question id, found {self.found()}")
            self.advance()
            return self.trailer(("answered", arg.text))
        self.check_id(tok)
        return self.trailer(("ref", tok.text))

    def literal(self) -> object:
        tok = self.advance()
        if tok.kind in ("string", "number"):
            return tok.value
        if tok.kind == "name" and tok.text in _BOOLS:
            return _BOOLS[tok.text]
        if tok.text == "-" and self.tok.kind == "number" and isinstance(self.tok.value, int | float):
            return -self.advance().value  # type: ignore[operator]
        raise self.fail("'-' is only allowed before a number", tok)

    def trailer(self, node: _Node) -> _Node:
        if self.at("op", "("):
            raise self.fail("function calls are not allowed (only answered(id))")
        if self.at("op", "["):
            raise self.fail("subscripts are not allowed")
        return node

    def check_id(self, tok: _Tok) -> None:
        if tok.text.startswith("_"):
            raise self.fail(f"names starting with '_' are not allowed: '{tok.text}'", tok)
        if not ID_PATTERN.match(tok.text):
            raise self.fail(f"invalid question id '{tok.text}'", tok)
        if self.known_ids is not None and tok.text not in self.known_ids:
            raise self.fail(f"unknown question id '{tok.text}'", tok)
        self.refs.add(tok.text)

    def list_literal(self) -> list[object]:
        start = self.advance()
        items: list[object] = []
        while not self.at("op", "]"):
            if self.at("end"):
                raise self.fail("unclosed '['", start)
            if not (self.at("op", "-") or self.tok.kind in ("string", "number") or self.at("name", *_BOOLS)):
                for later in self.tokens[self.pos :]:
                    if later.kind == "name" and later.text == "for":
                        raise self.fail(_FORBIDDEN_WORDS["for"], later)
                raise self.fail(f"lists may only hold literals, found {self.found()}")
            items.append(self.literal())
            if self.at("op", ","):
                self.advance()
            elif not self.at("op", "]"):
                message = _FORBIDDEN_WORDS["for"] if self.at("name", "for") else ""
                raise self.fail(message or f"expected ',' or ']', found {self.found()}")
        self.advance()
        return items


# --------------------------------------------------------------------------- public API


@dataclass(frozen=True)
class Condition:
    source: str
    referenced_ids: frozenset[str]
    _root: _Node

    def evaluate(self, answers: Mapping[str, object]) -> bool:
        """True when the condition holds; unanswered ids are None. Never raises."""
        try:
            return _truthy(_eval(self._root, answers))
        except (TypeError, ValueError, OverflowError):  # pragma: no cover - defensive
            return False

    def __str__(self) -> str:
        return self.source


def parse_condition(source: str, known_ids: Collection[str] | None = None) -> Condition:
    """Parse a `show_if` expression; raise ConditionError with a 1-based column on any problem."""
    if not isinstance(source, str):
        raise ConditionError("a condition must be a string", 1)
    if len(source) > MAX_LENGTH:
        raise ConditionError(f"condition is too long (more than {MAX_LENGTH} characters)", MAX_LENGTH + 1)
    if "\n" in source or "\r" in source:
        raise ConditionError("a condition must fit on one line", source.find("\n") + 1 or 1)
    parser = _Parser(_tokenize(source), known_ids)
    root = parser.parse()
    return Condition(source, frozenset(parser.refs), root)


@lru_cache(maxsize=1024)
def _cached(source: str) -> Condition | None:
    try:
        return parse_condition(source)
    except ConditionError:
        return None


def visible_questions(grid: Grid, answers: Mapping[str, object]) -> set[str]:
    """Ids of the questions whose `show_if` is absent or true, in grid order.

    A hidden question's answer is ignored by later conditions. A condition that does not parse
    (the loader refuses such grids) shows its question rather than hiding it.
    """
    visible: set[str] = set()
    effective: dict[str, object] = {}
    for question in grid.all_questions():
        condition = _cached(question.show_if) if question.show_if is not None else None
        if question.show_if is None or condition is None or condition.evaluate(effective):
            visible.add(question.id)
            if question.id in answers:
                effective[question.id] = answers[question.id]
    return visible
