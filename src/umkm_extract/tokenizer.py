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

# Runs are bounded (64 letters or digits a part, 8 parts a token): no word or number is longer, and an
# unbounded run ("1.2:1.2:…" over 300 KB) would be one token whose lexical attributes (spaCy's like_url)
# cost time quadratic in its length. A longer run simply continues as the next token.
_WORD = (
    r"[\p{L}\p{M}]{1,64}(?:['’\-][\p{L}\p{M}]{1,64}){0,7}"   # words, Jum'at, ke-dua
    r"|\p{N}{1,64}(?:[.,:/]\p{N}{1,64}){0,7}"                 # 1.948  2,5  12:32  24/6/2024
    r"|\S"                                                    # any other single character
)
# The three alternatives start with disjoint characters (letter/mark, number, other), so their
# order does not change a token; letters come first because most tokens are words.
_TOKEN = re.compile(_WORD)
# One findall gives every token with its trailing space: (word, " " or "", "") for a word, and
# ("", "", run) for a run of whitespace that is not one plain space after a word. A whitespace run
# after a word gives its first " " to the word (``spaces``) and the rest becomes a token, as spaCy does.
_ITEM = re.compile(rf"({_WORD})( ?)|(\s++)")


class LeanTokenizer:
    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        add_word = words.append
        add_space = spaces.append
        for word, space, gap in _ITEM.findall(text):
            if word:
                add_word(word)
                add_space(space == " ")
            else:
                add_word(gap)
                add_space(False)
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
