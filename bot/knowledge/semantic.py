"""What a text means, as a unit vector: a static embedding, so that "our execs keep postponing the
kick-off" lands near the challenge of weak leadership support although it shares none of its words.

One vector per word piece (distilled from all-MiniLM-L6-v2 by `scripts/distill_meaning.py`, shipped in
`meaning/`), averaged over the text: a lookup and a mean, tens of microseconds a question, no model
to run. It re-ranks what the words found (`bot.knowledge.ranking`); it never finds entries alone.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
from tokenizers import Tokenizer

MEANING_DIR = Path(__file__).resolve().parent / "meaning"


class Embedder:
    """Turns texts into unit vectors; two texts' dot product is how alike they mean."""

    def __init__(self, folder: Path = MEANING_DIR) -> None:
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.vectors = np.load(folder / "vectors.npy").astype(np.float32)
        self.unknown = self.tokenizer.token_to_id("[UNK]")
        self.dimensions = int(self.vectors.shape[1])

    def embed(self, text: str) -> np.ndarray:
        """One text's unit vector (the question's, on every search: no batch machinery)."""
        ids = [i for i in self.tokenizer.encode(text, add_special_tokens=False).ids if i != self.unknown]
        if not ids:
            return np.zeros(self.dimensions, dtype=np.float32)
        mean = self.vectors[ids].mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return mean / norm if norm > 0 else mean

    def embed_all(self, texts: list[str]) -> np.ndarray:
        """One unit vector per text: the mean of its word pieces' vectors (zero when it has none)."""
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(texts, add_special_tokens=False)
        pieces = [np.asarray(e.ids, dtype=np.int64) for e in encodings]
        pieces = [ids[ids != self.unknown] for ids in pieces]
        counts = np.array([len(ids) for ids in pieces])
        filled = np.flatnonzero(counts)
        if filled.size:
            flat = np.concatenate([pieces[i] for i in filled])
            starts = np.concatenate([[0], np.cumsum(counts[filled])[:-1]])
            sums = np.add.reduceat(self.vectors[flat], starts, axis=0)
            norms = np.linalg.norm(sums, axis=1, keepdims=True)
            out[filled] = np.divide(sums, norms, out=np.zeros_like(sums), where=norms > 0)
        return out


@lru_cache(maxsize=1)
def shipped_embedder() -> Embedder:
    return Embedder()
