"""What a text means, as a unit vector: a static embedding, so that "our execs keep postponing the
kick-off" lands near the challenge of weak leadership support although it shares none of its words.

One vector per word piece (distilled from all-MiniLM-L6-v2, trained to rank the knowledge's entries as
that model does and tuned on the entries' examples, by `scripts/distill_meaning.py`, shipped in
`meaning/`), averaged over the text: a lookup and a mean, about a tenth of a millisecond a question, no
model to run. It re-ranks what the words found (`bot.knowledge.ranking`); it never finds entries alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

MEANING_DIR = Path(__file__).resolve().parent / "meaning"
ALIKE = 1e-6  # cosines spread less than this: every entry means the question as much


class Embedder:
    """Turns texts into unit vectors; two texts' dot product is how alike they mean."""

    def __init__(self, folder: Path = MEANING_DIR) -> None:
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.vectors = np.load(folder / "vectors.npy")  # float16 as shipped: a text's mean is taken in float32
        self.unknown = self.tokenizer.token_to_id("[UNK]")
        self.dimensions = int(self.vectors.shape[1])

    def embed(self, text: str) -> np.ndarray:
        """A text's unit vector: the mean of its word pieces' vectors (zero when it has none)."""
        return self._unit(self.tokenizer.encode(text, add_special_tokens=False).ids)

    def knows(self, word: str) -> bool:
        """Whether a word is one word piece of the embedding's own ("nearby" is, "chnage" is not)."""
        return self.tokenizer.token_to_id(word.lower()) is not None

    def embed_all(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text, a row each."""
        encodings = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        for row, encoding in enumerate(encodings):
            out[row] = self._unit(encoding.ids)
        return out

    def _unit(self, ids: list[int]) -> np.ndarray:
        known = [i for i in ids if i != self.unknown]
        if not known:
            return np.zeros(self.dimensions, dtype=np.float32)
        mean = self.vectors[known].mean(axis=0, dtype=np.float32)
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm > 0 else mean


def likeness(meanings: np.ndarray, vector: np.ndarray) -> np.ndarray:
    """How alike each entry means to a question, in standard deviations above the knowledge's mean. Averaged
    word vectors share one common direction (every cosine is 0.9 or so), so a cosine says little until it
    is set against the others'."""
    cosines = meanings @ vector
    spread = float(cosines.std())
    return (cosines - cosines.mean()) / spread if spread > ALIKE else np.zeros_like(cosines)


@lru_cache(maxsize=1)
def shipped_embedder() -> Embedder:
    return Embedder()
