"""Parse YAML safely while remembering where every value came from (line and column, 1-based)."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

Path = tuple[str | int, ...]
Position = tuple[int, int]

MAX_NODES = 200_000  # guards the walk against alias bombs ("billion laughs")


class YamlProblem(Exception):
    def __init__(self, message: str, position: Position) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


@dataclass
class Located:
    """Plain data (dicts, lists, scalars) plus the source position of each value and mapping key."""

    data: object
    values: dict[Path, Position] = field(default_factory=dict)
    keys: dict[Path, Position] = field(default_factory=dict)
    styles: dict[Path, str | None] = field(default_factory=dict)  # scalar style: None (plain), ', ", |, >
    problems: list[YamlProblem] = field(default_factory=list)

    def at(self, path: Path) -> Position:
        """Position of the value at `path`, or of the deepest known parent."""
        while path not in self.values:
            path = path[:-1]
        return self.values[path]

    def key_at(self, path: Path) -> Position:
        """Position of the mapping key that holds `path` (falls back to the value)."""
        return self.keys.get(path) or self.at(path)


def _position(node: Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _reader_message(exc: yaml.reader.ReaderError) -> str:
    code = exc.character if isinstance(exc.character, int) else ord(exc.character)
    return f"character U+{code:04X} is not allowed in a grid file (a control character; retype this text)"


def _offset_position(text: str, offset: int) -> Position:
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def load_located(text: str) -> Located:
    """Compose the node tree with SafeLoader, construct it, and map paths to node positions.

    Raises YamlProblem on a YAML syntax error (with the position PyYAML reports).
    """
    try:
        # The reader refuses control characters already when it is built, so this is inside the try.
        loader = yaml.SafeLoader(text)
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(_reader_message(exc), _offset_position(text, exc.position)) from None
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlProblem(f"YAML syntax error: {problem}", position) from None
    except yaml.reader.ReaderError as exc:
        raise YamlProblem(_reader_message(exc), _offset_position(text, exc.position)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML error: {exc}", (1, 1)) from None
    finally:
        loader.dispose()
    located = Located(data)
    if node is None:
        located.values[()] = (1, 1)
        return located
    counter = [0]
    _walk(loader, node, data, (), located, counter)
    return located


def _walk(loader: yaml.SafeLoader, node: Node, value: object, path: Path, out: Located, count: list[int]) -> None:
    count[0] += 1
    if count[0] > MAX_NODES:
        raise YamlProblem("the file is too large or uses too many aliases", _position(node))
    out.values.setdefault(path, _position(node))
    if isinstance(node, ScalarNode):
        out.styles[path] = node.style
    elif isinstance(node, MappingNode) and isinstance(value, dict):
        last: dict[str | int, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if not isinstance(key, str | int) or isinstance(key, bool):
                continue
            if key in last:
                line = _position(last[key][0])[0]
                message = f"duplicate key '{key}' (already set on line {line})"
                out.problems.append(YamlProblem(message, _position(key_node)))
            last[key] = (key_node, value_node)
        for key, (key_node, value_node) in last.items():
            if key in value:
                out.keys[(*path, key)] = _position(key_node)
                _walk(loader, value_node, value[key], (*path, key), out, count)
    elif isinstance(node, SequenceNode) and isinstance(value, list):
        for index, (item_node, item) in enumerate(zip(node.value, value, strict=False)):
            _walk(loader, item_node, item, (*path, index), out, count)
