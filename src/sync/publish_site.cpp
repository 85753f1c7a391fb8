// Site folder helpers for publish (first version: empty).
