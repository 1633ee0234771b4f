#!/usr/bin/python3
"""The peer side of `vrf bench clip`: the same CLIP towers in PyTorch on the CPU, for a side-by-side throughput.

Reads a Hugging Face CLIP folder (config.json + model.safetensors), builds both towers with PyTorch modules, loads the
same weights, and times the image encoder at the given batch sizes and the text encoder at batch 32.
Prints one JSON object on stdout: {"torch": version, "threads": n, "image": {batch: images_per_s}, "text": prompts_per_s,
"matmul": GFLOP/s of an n x n float32 product, or null with --matmul-size 0}.
"""
import argparse
import json
import math
import struct
import sys

import numpy as np
import torch
from torch import nn

from peer_timing import throughput

DTYPES = {"F32": np.float32, "F16": np.float16, "F64": np.float64, "I64": np.int64}


def read_safetensors(path):
    with open(path, "rb") as f:
        (header_len,) = struct.unpack("<Q", f.read(8))
        header = json.loads(f.read(header_len))
        base = 8 + header_len
        tensors = {}
        for name, info in header.items():
            if name == "__metadata__":
                continue
            start, end = info["data_offsets"]
            f.seek(base + start)
            raw = np.frombuffer(f.read(end - start), dtype=DTYPES[info["dtype"]])
            tensors[name] = torch.from_numpy(raw.reshape(info["shape"]).astype(np.float32, copy=True))
        return tensors


class Attention(nn.Module):
    def __init__(self, width, heads):
        super().__init__()
        self.heads, self.head_dim = heads, width // heads
        self.q_proj, self.k_proj, self.v_proj, self.out_proj = (nn.Linear(width, width) for _ in range(4))

    def forward(self, x, mask):
        b, t, w = x.shape
        split = lambda y: y.view(b, t, self.heads, self.head_dim).transpose(1, 2)
        q, k, v = split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x))
        scores = q @ k.transpose(-1, -2) / math.sqrt(self.head_dim)
        if mask is not None:
            scores = scores + mask
        out = scores.softmax(-1) @ v
        return self.out_proj(out.transpose(1, 2).reshape(b, t, w))


class Mlp(nn.Module):
    def __init__(self, width, hidden, act):
        super().__init__()
        self.fc1, self.fc2, self.act = nn.Linear(width, hidden), nn.Linear(hidden, width), act

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class Layer(nn.Module):
    def __init__(self, cfg, act):
        super().__init__()
        eps = cfg.get("layer_norm_eps") or 1e-5
        self.self_attn = Attention(cfg["hidden_size"], cfg["num_attention_heads"])
        self.layer_norm1 = nn.LayerNorm(cfg["hidden_size"], eps=eps)
        self.mlp = Mlp(cfg["hidden_size"], cfg["intermediate_size"], act)
        self.layer_norm2 = nn.LayerNorm(cfg["hidden_size"], eps=eps)

    def forward(self, x, mask=None):
        x = x + self.self_attn(self.layer_norm1(x), mask)
        return x + self.mlp(self.layer_norm2(x))


def activation(name):
    if name == "quick_gelu":
        return lambda x: x * torch.sigmoid(1.702 * x)
    return nn.functional.gelu


class Encoder(nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.layers = nn.ModuleList(Layer(cfg, activation(cfg.get("hidden_act") or "quick_gelu"))
                                    for _ in range(cfg["num_hidden_layers"]))

    def forward(self, x, mask=None):
        for layer in self.layers:
            x = layer(x, mask)
        return x


class VisionTower(nn.Module):
    def __init__(self, cfg, projection_dim):
        super().__init__()
        width, patch, size = cfg["hidden_size"], cfg["patch_size"], cfg["image_size"]
        eps = cfg.get("layer_norm_eps") or 1e-5
        self.embeddings = nn.Module()
        self.embeddings.class_embedding = nn.Parameter(torch.zeros(width))
        self.embeddings.patch_embedding = nn.Conv2d(3, width, patch, patch, bias=False)
        self.embeddings.position_embedding = nn.Embedding((size // patch) ** 2 + 1, width)
        self.pre_layrnorm = nn.LayerNorm(width, eps=eps)
        self.encoder = Encoder(cfg)
        self.post_layernorm = nn.LayerNorm(width, eps=eps)
        self.projection = nn.Linear(width, projection_dim, bias=False)

    def forward(self, pixels):
        e = self.embeddings
        x = e.patch_embedding(pixels).flatten(2).transpose(1, 2)
        cls = e.class_embedding.expand(x.shape[0], 1, -1)
        x = torch.cat([cls, x], dim=1) + e.position_embedding.weight
        x = self.encoder(self.pre_layrnorm(x))
        return self.projection(self.post_layernorm(x[:, 0]))


class TextTower(nn.Module):
    def __init__(self, cfg, projection_dim):
        super().__init__()
        width = cfg["hidden_size"]
        self.embeddings = nn.Module()
        self.embeddings.token_embedding = nn.Embedding(cfg["vocab_size"], width)
        self.embeddings.position_embedding = nn.Embedding(cfg["max_position_embeddings"], width)
        self.encoder = Encoder(cfg)
        self.final_layer_norm = nn.LayerNorm(width, eps=cfg.get("layer_norm_eps") or 1e-5)
        self.projection = nn.Linear(width, projection_dim, bias=False)
        self.eos = cfg.get("eos_token_id") or 49407

    def forward(self, ids):
        t = ids.shape[1]
        x = self.embeddings.token_embedding(ids) + self.embeddings.position_embedding.weight[:t]
        mask = torch.full((t, t), float("-inf")).triu(1)
        x = self.final_layer_norm(self.encoder(x, mask))
        eos = (ids == self.eos).int().argmax(-1)
        return self.projection(x[torch.arange(ids.shape[0]), eos])


def load(folder):
    config = json.load(open(f"{folder}/config.json"))
    vision_cfg, text_cfg = config["vision_config"], config["text_config"]
    projection_dim = config.get("projection_dim") or 512
    vision, text = VisionTower(vision_cfg, projection_dim), TextTower(text_cfg, projection_dim)
    weights = read_safetensors(f"{folder}/model.safetensors")
    take = lambda prefix: {k[len(prefix):]: v for k, v in weights.items()
                           if k.startswith(prefix) and not k.endswith("position_ids")}
    vision_state = take("vision_model.")
    vision_state["projection.weight"] = weights["visual_projection.weight"]
    text_state = take("text_model.")
    text_state["projection.weight"] = weights["text_projection.weight"]
    vision.load_state_dict(vision_state, strict=True)
    text.load_state_dict(text_state, strict=True)
    return vision.eval(), text.eval(), vision_cfg, text_cfg


def matmul_rate(size, min_seconds, min_runs):
    left, right = torch.randn(size, size), torch.randn(size, size)
    return 2 * size ** 3 * throughput(lambda: left @ right, 1, min_seconds, min_runs) / 1e9


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", required=True)
    parser.add_argument("--batches", default="1,8,32")
    parser.add_argument("--text-batch", type=int, default=32)
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--min-runs", type=int, default=3)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--matmul-size", type=int, default=2048)
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    vision, text, vision_cfg, text_cfg = load(args.model)
    size = vision_cfg["image_size"]
    result = {"torch": torch.__version__, "threads": torch.get_num_threads(), "image": {}}
    with torch.no_grad():
        result["matmul"] = matmul_rate(args.matmul_size, args.seconds, args.min_runs) if args.matmul_size else None
        for batch in (int(b) for b in args.batches.split(",")):
            pixels = torch.randn(batch, 3, size, size)
            result["image"][str(batch)] = throughput(lambda: vision(pixels), batch, args.seconds, args.min_runs)
        ids = torch.randint(0, 49406, (args.text_batch, text_cfg["max_position_embeddings"]))
        ids[:, 0], ids[:, 20] = 49406, 49407
        result["text"] = throughput(lambda: text(ids), args.text_batch, args.seconds, args.min_runs)
    json.dump(result, sys.stdout)
    print()


if __name__ == "__main__":
    main()
