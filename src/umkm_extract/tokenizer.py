"""A lean tokenizer for Indonesian news text.

spaCy's Indonesian tokenizer spends most of its time in exception and affix rules that our
character-level rules do not need. This one splits words, numbers (with Indonesian separators
kept inside: "1.948", "2,5") and punctuation with one compiled regex, and always reproduces the
text exactly (``doc.text == text``). Registered as ``umkm.LeanTokenizer.v1`` so a saved pipeline
reloads with ``spacy.load``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

import regex as re
from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

_TOKEN = re.compile(
    r"\p{N}+(?:[.,:/]\p{N}+)*"                 # 1.948  2,5  12:32  24/6/2024
    r"|[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*"   # words, Jum'at, ke-3
    r"|\S"                                      # any other single character
)


class LeanTokenizer:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        pos = 0
        for m in _TOKEN.finditer(text):
            s, e = m.span()
            if s > pos:
                gap = text[pos:s]
                if words and gap == " ":
                    spaces[-1] = True
                else:
                    if words and gap.startswith(" "):
                        spaces[-1] = True
                        gap = gap[1:]
                    words.append(gap)
                    spaces.append(False)
            words.append(m.group())
            spaces.append(False)
            pos = e
        if pos < len(text):
            gap = text[pos:]
            if words and gap.startswith(" "):
                spaces[-1] = True
                gap = gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Any, batch_size: int = 1000) -> Any:
        for text in texts:
            yield self(text)

    # serialisation: nothing to save, the rules are in the regex above
    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> "LeanTokenizer":
        return self

    def to_disk(self, path: str | Path, **kwargs: Any) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, **kwargs: Any) -> "LeanTokenizer":
        return self


@registry.tokenizers("umkm.LeanTokenizer.v1")
def create_lean_tokenizer() -> Callable[[Any], LeanTokenizer]:
    def make(nlp: Any) -> LeanTokenizer:
        return LeanTokenizer(nlp.vocab)

    return make
